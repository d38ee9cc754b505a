import type { PlatformDriver } from "@/server/platform/driver";
import { type HostManifest, readManifest } from "./host-manifest";

/** A managed file whose live bytes are not what Hostdesk wrote; `actual` null: it was deleted. */
export type DriftedFile = { path: string; kind: string; expected: string; actual: string | null };

export type DriftReport = {
  /** The manifest's generation, or null when the host has no readable manifest (nothing is known to be managed). */
  generation: number | null;
  drifted: DriftedFile[];
  problem: string | null;
};

/**
 * The files whose hash is neither the recorded one nor, after an interrupted apply, the one that
 * apply was writing. Both are Hostdesk's own bytes; anything else is a hand edit.
 */
export function driftedFiles(manifest: HostManifest, actual: Map<string, string | null>): DriftedFile[] {
  const drifted: DriftedFile[] = [];
  for (const [path, entry] of Object.entries(manifest.files)) {
    const live = actual.get(path) ?? null;
    if (live === entry.sha256) continue;
    if (manifest.pending && path in manifest.pending && manifest.pending[path] === live) continue;
    drifted.push({ path, kind: entry.kind, expected: entry.sha256, actual: live });
  }
  return drifted;
}

/** Compares a host's managed files with its manifest without writing anything: the converge pass's look. */
export async function detectDrift(driver: PlatformDriver): Promise<DriftReport> {
  const { manifest, problem } = await readManifest(driver);
  if (!manifest) return { generation: null, drifted: [], problem };
  const actual = await driver.hashFiles(Object.keys(manifest.files));
  return { generation: manifest.generation, drifted: driftedFiles(manifest, actual), problem };
}
