import type { HostFile, StagedCheck } from "@/server/delegation/kind";
import type { PlatformDriver } from "@/server/platform/driver";
import { hostStateDir } from "@/server/platform/host-layout";
import { HostPathError, normaliseHostPath } from "@/server/platform/host-path";
import { driftedFiles } from "./host-drift";
import { removeLeftovers } from "./host-leftovers";
import { type HostManifest, type ManifestKind, emptyManifest, readManifest, sameManagedState, sha256Hex, writeManifest, writePendingManifest } from "./host-manifest";
import { type StagedCheckCache, runStagedCheck } from "./host-staged-check";

export { detectDrift, type DriftReport, type DriftedFile } from "./host-drift";
export type { StagedCheckCache } from "./host-staged-check";

/** Everything one snippet kind wants on a host: all of its files (every snippet of the kind), its check and its reload. */
export type DesiredKindState = { kind: string; files: HostFile[]; stagedCheck: StagedCheck | null; reload: string[] | null };

export type ApplyOutcome = "applied" | "unchanged" | "failed";

export type ApplyHostResult = {
  outcome: ApplyOutcome;
  /** Files whose new bytes are live after this apply (files restored after a failed reload are not listed). */
  written: string[];
  removed: string[];
  /** Managed files whose bytes were not Hostdesk's before this apply: hand edits (or deletions) it found. */
  drifted: string[];
  log: string[];
  /** The manifest's generation after the apply; null when the host has none. */
  generation: number | null;
  /** sha256 of every managed file as the manifest now records it. */
  files: Record<string, string>;
};

export type ApplyHostOptions = {
  checkTimeoutMs?: number;
  reloadTimeoutMs?: number;
  /**
   * Shared by the hosts of one rollout whose checks run in the same environment (local hosts, on the
   * worker's own nginx): a host whose staged tree is byte-identical to one already checked reuses
   * that verdict instead of spawning the tool again. Not for ssh hosts: there the tool reads the
   * VM's own files outside the staged tree (absolute includes, modules), which may differ per VM.
   */
  checkCache?: StagedCheckCache;
};

type Backup = { content: string | null; mode: number };

/**
 * Brings one host to exactly `desired` and proves it: convergent (whatever the host's state, it
 * ends as desired), idempotent (a second run writes nothing), atomic per file (temp + rename, so a
 * SIGKILL never leaves a partial file), and checked (each changed kind's real tool passes on a
 * staged copy before anything goes live; a failed reload puts that kind's previous files back).
 *
 * Kinds absent from `desired` but present in the host's manifest have had their last snippet
 * removed: their files are deleted, checked and reloaded with what the manifest recorded.
 */
export async function applyHost(driver: PlatformDriver, desired: DesiredKindState[], options: ApplyHostOptions = {}): Promise<ApplyHostResult> {
  const progress: Progress = { log: [], written: [], removed: [], drifted: [] };
  try {
    return await converge(driver, desired, options, progress);
  } catch (error) {
    // Unreachable host, refused host key, a managed path turned into a symlink out…: a result, not a crash.
    progress.log.push(`apply stopped: ${(error as Error).message}`);
    return { outcome: "failed", ...progress, generation: null, files: {} };
  }
}

/** What an apply has done so far, kept outside `converge` so that an error half-way still reports it. */
type Progress = { log: string[]; written: string[]; removed: string[]; drifted: string[] };

async function converge(driver: PlatformDriver, desired: DesiredKindState[], options: ApplyHostOptions, progress: Progress): Promise<ApplyHostResult> {
  const { log, written, removed } = progress;
  const checkTimeoutMs = options.checkTimeoutMs ?? 30_000;
  const reloadTimeoutMs = options.reloadTimeoutMs ?? 30_000;

  const invalid = validateDesired(desired);
  if (invalid) return { outcome: "failed", written: [], removed: [], drifted: [], log: [invalid], generation: null, files: {} };

  const read = await readManifest(driver);
  if (read.problem) log.push(read.problem);
  const previous = read.manifest;
  const current = previous ?? emptyManifest();

  const want = new Map<string, { file: HostFile; kind: string; sha256: string }>();
  for (const group of desired) for (const file of group.files) want.set(file.path, { file, kind: group.kind, sha256: sha256Hex(file.content) });

  const leftovers = await removeLeftovers(driver, [...want.keys(), ...Object.keys(current.files)]);
  if (leftovers.length > 0) log.push(`removed ${leftovers.length} leftover(s) of an interrupted apply: ${leftovers.join(", ")}`);

  const allPaths = [...new Set([...want.keys(), ...Object.keys(current.files)])];
  const actual = await driver.hashFiles(allPaths);
  const drifted = previous ? driftedFiles(previous, actual).map((d) => d.path) : [];
  progress.drifted = drifted;

  const toWrite = [...want.values()].filter((w) => actual.get(w.file.path) !== w.sha256 || (current.files[w.file.path] && current.files[w.file.path]!.mode !== w.file.mode));
  const toRemove = Object.entries(current.files)
    .filter(([p]) => !want.has(p) && actual.get(p) !== null)
    .map(([p, entry]) => ({ path: p, kind: entry.kind }));

  const kindConfig = new Map<string, ManifestKind>();
  for (const [kind, config] of Object.entries(current.kinds)) kindConfig.set(kind, config);
  for (const group of desired) kindConfig.set(group.kind, { stagedCheck: group.stagedCheck, reload: group.reload });

  const next: HostManifest = {
    version: 1,
    generation: current.generation + 1,
    appliedAt: new Date().toISOString(),
    files: Object.fromEntries([...want.values()].map((w) => [w.file.path, { sha256: w.sha256, mode: w.file.mode, kind: w.kind }])),
    kinds: Object.fromEntries(desired.map((g) => [g.kind, { stagedCheck: g.stagedCheck, reload: g.reload }])),
  };

  if (toWrite.length === 0 && toRemove.length === 0 && previous && !previous.pending && sameManagedState(previous, next)) {
    log.push(`unchanged: ${want.size} managed file(s) match generation ${previous.generation}`);
    return { outcome: "unchanged", written: [], removed: [], drifted, log, generation: previous.generation, files: recordedHashes(previous) };
  }
  for (const p of drifted) log.push(`drift: ${p} was ${actual.get(p) === null ? "deleted" : "edited"} on the host outside Hostdesk`);
  for (const w of toWrite) if (!previous?.files[w.file.path] && actual.get(w.file.path) !== null) log.push(`${w.file.path} existed unmanaged; Hostdesk now manages it`);

  // An apply interrupted after its swap left its pending manifest (the final one is written only after
  // the reloads): its kinds may never have been reloaded, so they count as changed and reload now.
  const interrupted = new Map<string, string>();
  for (const p of Object.keys(previous?.pending ?? {})) {
    const kind = want.get(p)?.kind ?? current.files[p]?.kind;
    if (kind) interrupted.set(p, kind);
  }
  const interruptedKinds = [...interrupted.values()];
  // Kinds in the order they were given, then kinds whose last snippet was removed.
  const changedKinds = [...new Set([...toWrite.map((w) => w.kind), ...toRemove.map((r) => r.kind), ...interruptedKinds])].sort(
    (a, b) => kindOrder(desired, a) - kindOrder(desired, b),
  );

  let checksPassed = true;
  for (const kind of changedKinds) {
    const check = kindConfig.get(kind)?.stagedCheck ?? null;
    if (!check) continue;
    const files = desired.find((g) => g.kind === kind)?.files ?? [];
    const removedPaths = toRemove.filter((r) => r.kind === kind).map((r) => r.path);
    const result = await runStagedCheck(driver, kind, check, files, removedPaths, checkTimeoutMs, options.checkCache);
    log.push(...result.log);
    if (!result.ok) checksPassed = false;
  }
  if (!checksPassed) {
    log.push("nothing was changed on the host: a check failed");
    return { outcome: "failed", written: [], removed: [], drifted, log, generation: previous?.generation ?? null, files: previous ? recordedHashes(previous) : {} };
  }

  // What each reloadable kind had before, in memory, to put back if its daemon refuses the new files.
  const backups = new Map<string, Backup>();
  for (const p of [...toWrite.map((w) => w.file.path), ...toRemove.map((r) => r.path)]) {
    const kind = want.get(p)?.kind ?? current.files[p]?.kind ?? "";
    if (!kindConfig.get(kind)?.reload) continue;
    const content = actual.get(p) === null ? null : await driver.readFile(p);
    backups.set(p, { content, mode: current.files[p]?.mode ?? want.get(p)?.file.mode ?? 0o644 });
  }

  try {
    // Announce the bytes about to go live, so a crash half-way is not mistaken for hand edits.
    if (toWrite.length > 0 || toRemove.length > 0) {
      // An interrupted apply's paths stay announced until their kind has reloaded.
      const pending = { ...previous?.pending, ...Object.fromEntries([...toWrite.map((w) => [w.file.path, w.sha256] as const), ...toRemove.map((r) => [r.path, null] as const)]) };
      await writePendingManifest(driver, { ...current, pending });
    }
    for (const w of toWrite) {
      await driver.writeFileAtomic(w.file.path, w.file.content, w.file.mode);
      written.push(w.file.path);
      log.push(`wrote ${w.file.path}`);
    }
    for (const r of toRemove) {
      await driver.remove(r.path);
      removed.push(r.path);
      log.push(`removed ${r.path}`);
    }
  } catch (error) {
    log.push(`writing to the host failed: ${(error as Error).message}; the next apply converges from here`);
    return { outcome: "failed", written, removed, drifted, log, generation: previous?.generation ?? null, files: previous ? recordedHashes(previous) : {} };
  }

  let outcome: ApplyOutcome = "applied";
  const restored = new Set<string>();
  for (const kind of changedKinds) {
    const argv = kindConfig.get(kind)?.reload;
    if (!argv) continue;
    const result = await driver.reload(kind, argv, { timeoutMs: reloadTimeoutMs });
    log.push(`${kind}: ${result.detail}`);
    if (result.status !== "failed") continue;
    outcome = "failed";
    const paths = [...toWrite.filter((w) => w.kind === kind).map((w) => w.file.path), ...toRemove.filter((r) => r.kind === kind).map((r) => r.path)];
    await restoreKind(driver, paths, backups, log);
    for (const p of paths) {
      restored.add(p);
      const before = current.files[p];
      if (before) next.files[p] = before;
      else delete next.files[p];
    }
    if (current.kinds[kind]) next.kinds[kind] = current.kinds[kind];
    else delete next.kinds[kind];
    const again = await driver.reload(kind, argv, { timeoutMs: reloadTimeoutMs });
    log.push(`${kind}: reload after restoring the previous files: ${again.detail}`);
    // Files an interrupted apply left live have no backup to return to: keep them announced, so the
    // next apply reloads again instead of finding them unchanged.
    for (const [p, interruptedKind] of interrupted) {
      if (interruptedKind === kind && !restored.has(p)) next.pending = { ...next.pending, [p]: previous?.pending?.[p] ?? null };
    }
  }
  // Only now, with every reload done: until this write the pending manifest says this apply is unfinished.
  try {
    await writeManifest(driver, next);
  } catch (error) {
    log.push(`recording the new state on the host failed: ${(error as Error).message}; the next apply converges from here`);
    outcome = "failed";
  }

  // Verify: what is live is what was meant to be live, read back from the host.
  const expected = new Map<string, string | null>();
  for (const w of toWrite) expected.set(w.file.path, restored.has(w.file.path) ? backupHash(backups.get(w.file.path)) : w.sha256);
  for (const r of toRemove) expected.set(r.path, restored.has(r.path) ? backupHash(backups.get(r.path)) : null);
  const live = await driver.hashFiles([...expected.keys()]);
  for (const [p, hash] of expected) {
    if (live.get(p) !== hash) {
      outcome = "failed";
      log.push(`verify: ${p} is not what this apply left there; it changed during the apply`);
    }
  }
  if (outcome === "applied") log.push(`applied generation ${next.generation}: ${written.length} written, ${removed.length} removed`);

  return {
    outcome,
    written: written.filter((p) => !restored.has(p)),
    removed: removed.filter((p) => !restored.has(p)),
    drifted,
    log,
    generation: next.generation,
    files: recordedHashes(next),
  };
}

/** Puts a kind's previous bytes back: files it had rewritten or removed regain their old content, new ones go. */
async function restoreKind(driver: PlatformDriver, paths: string[], backups: Map<string, Backup>, log: string[]) {
  for (const p of paths) {
    const backup = backups.get(p);
    if (!backup) continue;
    if (backup.content === null) await driver.remove(p);
    else await driver.writeFileAtomic(p, backup.content, backup.mode);
    log.push(`restored ${p}`);
  }
}

function backupHash(backup: Backup | undefined): string | null {
  return backup?.content == null ? null : sha256Hex(backup.content);
}

function recordedHashes(manifest: HostManifest): Record<string, string> {
  return Object.fromEntries(Object.entries(manifest.files).map(([p, entry]) => [p, entry.sha256]));
}

function kindOrder(desired: DesiredKindState[], kind: string): number {
  const index = desired.findIndex((g) => g.kind === kind);
  return index === -1 ? desired.length : index;
}

/** Refuses a desired state that could not be applied as a whole, before anything is read from the host. */
function validateDesired(desired: DesiredKindState[]): string | null {
  const kinds = new Set<string>();
  const paths = new Set<string>();
  for (const group of desired) {
    if (kinds.has(group.kind)) return `the desired state lists kind "${group.kind}" twice; give each kind once with all of its files`;
    kinds.add(group.kind);
    for (const file of group.files) {
      try {
        if (normaliseHostPath(file.path) !== file.path) return `"${file.path}" is not in canonical form (write it as "${normaliseHostPath(file.path)}")`;
      } catch (error) {
        if (error instanceof HostPathError) return error.message;
        throw error;
      }
      if (file.path === hostStateDir || file.path.startsWith(`${hostStateDir}/`)) return `"${file.path}" lies in ${hostStateDir}, which is Hostdesk's own`;
      if (paths.has(file.path)) return `"${file.path}" is wanted twice; two snippets may not write the same file`;
      paths.add(file.path);
    }
  }
  return null;
}
