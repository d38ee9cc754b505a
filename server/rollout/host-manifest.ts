import { createHash } from "node:crypto";
import { z } from "zod";
import type { PlatformDriver } from "@/server/platform/driver";
import { hostStateDir, temporaryPathBeside } from "@/server/platform/host-layout";

/**
 * What Hostdesk last put on a host, kept on the host itself: each managed path with its sha256,
 * mode and kind, and how each kind is checked and reloaded. It is how an apply knows which files of
 * a removed snippet to delete (and how to check and reload that kind once it has no snippets left),
 * and how a hand edit shows up: the live bytes no longer hash to what was recorded.
 */
export const manifestPath = `${hostStateDir}/manifest.json`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const manifestSchema = z.object({
  version: z.literal(1),
  /** Counts applies that changed the host; a host row in Postgres can say which one it has. */
  generation: z.number().int().min(0),
  appliedAt: z.string(),
  files: z.record(z.string(), z.object({ sha256, mode: z.number().int().min(0).max(0o7777), kind: z.string() })),
  kinds: z.record(
    z.string(),
    z.object({
      stagedCheck: z.object({ copyDir: z.string(), argv: z.array(z.string()).min(1) }).nullable(),
      reload: z.array(z.string()).min(1).nullable(),
    }),
  ),
  /**
   * Present only while an apply swaps files: the hashes it is about to write (null: about to
   * remove). If the apply is killed half-way, the next one knows those bytes as Hostdesk's own and
   * does not call them hand edits.
   */
  pending: z.record(z.string(), sha256.nullable()).optional(),
});

export type HostManifest = z.infer<typeof manifestSchema>;
export type ManifestFile = HostManifest["files"][string];
export type ManifestKind = HostManifest["kinds"][string];

export function emptyManifest(): HostManifest {
  return { version: 1, generation: 0, appliedAt: new Date(0).toISOString(), files: {}, kinds: {} };
}

export function sha256Hex(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

/** The manifest on the host, or null with the reason when it is missing or unreadable (then nothing counts as managed). */
export async function readManifest(driver: PlatformDriver): Promise<{ manifest: HostManifest | null; problem: string | null }> {
  const text = await driver.readFile(manifestPath);
  if (text === null) return { manifest: null, problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { manifest: null, problem: `${manifestPath} is not JSON; treating the host as unmanaged until this apply rewrites it` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return { manifest: null, problem: `${manifestPath} is not a Hostdesk manifest (${parsed.error.issues[0]?.message}); rewriting it` };
  return { manifest: parsed.data, problem: null };
}

/** Keys sorted, so the same state always gives the same bytes. */
export function serialiseManifest(manifest: HostManifest): string {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const ordered: HostManifest = {
    version: 1,
    generation: manifest.generation,
    appliedAt: manifest.appliedAt,
    files: sorted(manifest.files),
    kinds: sorted(manifest.kinds),
    ...(manifest.pending ? { pending: sorted(manifest.pending) } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export async function writeManifest(driver: PlatformDriver, manifest: HostManifest): Promise<void> {
  await driver.writeFileAtomic(manifestPath, serialiseManifest(manifest), 0o644);
}

/**
 * The announcement of an apply's pending bytes: atomic like any manifest write, but not forced to
 * disk, since it is superseded moments later; losing it to a power cut costs at most a false drift
 * report, never a wrong file.
 */
export async function writePendingManifest(driver: PlatformDriver, manifest: HostManifest): Promise<void> {
  const temporary = temporaryPathBeside(manifestPath);
  await driver.writeFile(temporary, serialiseManifest(manifest), 0o644);
  await driver.rename(temporary, manifestPath);
}

/** Whether two manifests record the same managed state (generation and time aside). */
export function sameManagedState(a: HostManifest, b: HostManifest): boolean {
  const strip = (m: HostManifest) => serialiseManifest({ ...m, generation: 0, appliedAt: "" });
  return strip(a) === strip(b);
}
