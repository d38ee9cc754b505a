import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import type { HostFile, StagedCheck } from "@/server/delegation/kind";
import type { PlatformDriver } from "@/server/platform/driver";
import { hostStateDir } from "@/server/platform/host-layout";
import { stagePrefix } from "./host-leftovers";
import { sha256Hex } from "./host-manifest";

export type StagedCheckResult = { ok: boolean; log: string[] };

/** Verdicts by staged-tree fingerprint; a promise, so hosts checking the same tree at once wait for one run. */
export type StagedCheckCache = Map<string, Promise<StagedCheckResult>>;

/**
 * Proves a kind's next files with the real tool before any of them goes live: copies the live
 * `copyDir` into a staging tree that mirrors the host's layout, puts the kind's files there (and
 * takes its removed files out), and runs the check with `{stage}` as that tree's absolute root.
 * The staging tree is removed whatever happens; the live tree is never touched.
 */
export async function runStagedCheck(
  driver: PlatformDriver,
  kind: string,
  check: StagedCheck,
  files: HostFile[],
  removed: string[],
  timeoutMs: number,
  cache?: StagedCheckCache,
): Promise<StagedCheckResult> {
  if (!cache) return stageAndRun(driver, kind, check, files, removed, timeoutMs);
  const key = await stagedTreeKey(driver, kind, check, files, removed);
  if (!key) return stageAndRun(driver, kind, check, files, removed, timeoutMs);
  const known = cache.get(key);
  if (known) {
    const verdict = await known;
    return { ok: verdict.ok, log: verdict.log.map((line, i) => (i === 0 ? `${line} (same staged files as a host already checked)` : line)) };
  }
  const running = stageAndRun(driver, kind, check, files, removed, timeoutMs);
  cache.set(key, running);
  return running;
}

/**
 * The fingerprint of exactly what the check would read from the staged tree: the live copyDir's
 * files with the kind's changes laid over, and the check itself. Null when copyDir is missing.
 */
async function stagedTreeKey(driver: PlatformDriver, kind: string, check: StagedCheck, files: HostFile[], removed: string[]): Promise<string | null> {
  const tree = await driver.hashTree(check.copyDir);
  if (!tree) return null;
  const entries = new Map<string, string>();
  for (const [relative, hash] of tree) entries.set(`${check.copyDir}/${relative}`, hash);
  for (const file of files) entries.set(file.path, sha256Hex(file.content));
  for (const p of removed) entries.delete(p);
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify([kind, check, sorted])).digest("hex");
}

async function stageAndRun(driver: PlatformDriver, kind: string, check: StagedCheck, files: HostFile[], removed: string[], timeoutMs: number): Promise<StagedCheckResult> {
  const stageDir = `${hostStateDir}/${stagePrefix}${randomBytes(6).toString("hex")}-${kind}`;
  const stageRoot = path.posix.join(driver.root, stageDir);
  const argv = check.argv.map((arg) => arg.replaceAll("{stage}", stageRoot));
  try {
    await driver.copyDir(check.copyDir, `${stageDir}/${check.copyDir}`);
    for (const file of files) await driver.writeFile(`${stageDir}/${file.path}`, file.content, file.mode);
    for (const p of removed) await driver.remove(`${stageDir}/${p}`);
    const result = await driver.run(argv, { timeoutMs });
    // The tool names staged paths; shown relative to the host they read like the files customers know.
    const output = `${result.stderr}${result.stdout}`.replaceAll(`${stageRoot}/`, "").trim();
    if (result.code === 0) return { ok: true, log: [`${kind}: ${check.argv.join(" ")} passed`] };
    return { ok: false, log: [`${kind}: ${check.argv.join(" ")} failed with exit ${result.code}${output ? `:\n${output}` : ""}`] };
  } catch (error) {
    return { ok: false, log: [`${kind}: could not stage the check: ${(error as Error).message}`] };
  } finally {
    await driver.removeDir(stageDir).catch(() => {});
  }
}
