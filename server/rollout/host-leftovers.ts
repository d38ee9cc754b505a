import path from "node:path";
import type { PlatformDriver } from "@/server/platform/driver";
import { hostStateDir, isTemporaryName } from "@/server/platform/host-layout";

/** Prefix of the staging trees an apply builds under the host's state directory. */
export const stagePrefix = "stage-";

/**
 * Removes what an apply killed mid-way left behind: temporary files beside managed files (and
 * beside the manifest) and staging trees. Targets are never partial (temporaries become them only
 * by rename), so this is tidying, not repair. Applies to one host never overlap (each holds the host's
 * advisory lock, host-lock.ts), so whatever matches here belongs to no running apply.
 */
export async function removeLeftovers(driver: PlatformDriver, managedPaths: Iterable<string>): Promise<string[]> {
  const dirs = new Set<string>([hostStateDir]);
  for (const p of managedPaths) {
    const dir = path.posix.dirname(p);
    if (dir !== ".") dirs.add(dir);
  }
  const removed: string[] = [];
  for (const dir of dirs) {
    const names = await driver.listDir(dir);
    for (const name of names ?? []) {
      if (isTemporaryName(name)) {
        await driver.remove(`${dir}/${name}`);
        removed.push(`${dir}/${name}`);
      } else if (dir === hostStateDir && name.startsWith(stagePrefix)) {
        await driver.removeDir(`${dir}/${name}`);
        removed.push(`${dir}/${name}`);
      }
    }
  }
  return removed;
}
