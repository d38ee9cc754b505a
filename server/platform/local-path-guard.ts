import fs from "node:fs";
import path from "node:path";
import { HostPathError, isWithin, normaliseHostPath } from "./host-path";

export type PathGuard = ReturnType<typeof createPathGuard>;

const isMissing = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
};

/**
 * Turns host paths into absolute paths below a local host's folder, proving that neither their
 * letters nor any symlink on the way lead out of it. What it has proven it remembers for the
 * driver's life (one apply): each directory is checked once, as before, and now a directory found
 * missing is remembered too until the driver creates anything, so a new host's first apply does not
 * walk the same missing ancestors again for every file (it took 26 realpath calls a host).
 *
 * The checks are synchronous on purpose: metadata reads on a local disk, microseconds each, and on
 * the worker's busy event loop a trip to the thread pool and back cost more than the call itself
 * (bench:rollout, worker CPU per host). ENOENT is asked for without an exception where Node allows.
 */
export function createPathGuard(root: string) {
  // The root's real path is what every resolved path must stay below; computed once per driver.
  let realRoot: string | null = null;
  const ensureRoot = (): string => {
    if (realRoot !== null) return realRoot;
    try {
      realRoot = fs.realpathSync.native(root);
    } catch (error) {
      if (!isMissing(error)) throw error;
      fs.mkdirSync(root, { recursive: true });
      realRoot = fs.realpathSync.native(root);
    }
    return realRoot;
  };

  // Directories proven to resolve inside the root: later paths in them need only their last part checked.
  const insideDirs = new Set<string>([root]);
  // Directories found missing (below an ancestor proven inside); forgotten whenever the driver creates something.
  const missingDirs = new Set<string>();

  /**
   * Whether `absolute` exists, after proving that it (or, where it does not exist, its deepest
   * existing ancestor) resolves inside the real root. Missing directories on the way are remembered.
   */
  function checkInside(absolute: string, hostPath: string): boolean {
    const real = ensureRoot();
    const missing: string[] = [];
    let probe = absolute;
    for (;;) {
      if (probe !== absolute && (insideDirs.has(probe) || missingDirs.has(probe))) break;
      try {
        const resolved = fs.realpathSync.native(probe);
        if (!isWithin(real, resolved)) throw new HostPathError(hostPath, "a symlink on the way leads out of the host's root");
        break;
      } catch (error) {
        if (isMissing(error) && probe !== root) {
          missing.push(probe);
          probe = path.dirname(probe);
          continue;
        }
        throw error;
      }
    }
    for (const dir of missing) missingDirs.add(dir);
    return missing.length === 0;
  }

  /** Records that `dir` resolves inside (true) or is missing (false), from one check of the directory itself. */
  function checkDir(dir: string, hostPath: string): void {
    if (insideDirs.has(dir) || missingDirs.has(dir)) return;
    if (checkInside(dir, hostPath)) insideDirs.add(dir);
    else missingDirs.add(dir);
  }

  return {
    root,
    ensureRoot,

    /**
     * The absolute path of a host path. Its directory is checked once per driver; its last part
     * every time it exists, since that is what a hand-made symlink would replace.
     */
    resolve(hostPath: string): string {
      const absolute = path.join(root, normaliseHostPath(hostPath));
      ensureRoot();
      const dir = path.dirname(absolute);
      checkDir(dir, hostPath);
      if (missingDirs.has(dir)) return absolute;
      let last: fs.Stats | undefined;
      try {
        last = fs.lstatSync(absolute, { throwIfNoEntry: false });
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      if (last?.isSymbolicLink()) checkInside(absolute, hostPath);
      return absolute;
    },

    /** Whether `absolute` (resolved) lies in a directory found missing: it cannot exist, no need to ask the disk. */
    inMissingDir(absolute: string): boolean {
      return missingDirs.has(path.dirname(absolute));
    },

    /** The absolute path of a directory, checked as a whole in one step (its contents then need only their last part checked). */
    resolveDir(hostPath: string): string {
      const absolute = path.join(root, normaliseHostPath(hostPath));
      checkDir(absolute, hostPath);
      return absolute;
    },

    /** Whether a directory resolved by `resolveDir` was found missing. */
    isMissingDir(absolute: string): boolean {
      return missingDirs.has(absolute);
    },

    /**
     * Makes the directory of `absolute` (resolved) where it is missing. On the thread pool, unlike
     * the checks: making a directory costs a journal update, far more than the trip there.
     */
    async ensureParent(absolute: string): Promise<void> {
      const dir = path.dirname(absolute);
      // Checked and found there: no mkdir for it.
      if (insideDirs.has(dir)) return;
      const first = await fs.promises.mkdir(dir, { recursive: true });
      missingDirs.clear();
      // Made by us below an ancestor proven inside: real directories, not links.
      if (first) for (let made = dir; isWithin(first, made); made = path.dirname(made)) insideDirs.add(made);
      insideDirs.add(dir);
    },

    /** Something was created by other means (a copy, a rename): what was missing may be there now. */
    created(): void {
      missingDirs.clear();
    },

    /** A directory tree was removed: what was proven about it no longer holds. */
    removed(absolute: string): void {
      for (const dir of insideDirs) if (isWithin(absolute, dir)) insideDirs.delete(dir);
    },
  };
}
