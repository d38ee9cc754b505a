import fs from "node:fs/promises";
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
 * walk the same missing ancestors again for every file (it took 26 realpath calls a host, each a
 * trip to the thread pool that walks every component of the absolute path).
 */
export function createPathGuard(root: string) {
  // The root's real path is what every resolved path must stay below; computed once per driver.
  let realRoot: Promise<string> | null = null;
  const ensureRoot = () =>
    (realRoot ??= fs
      .realpath(root)
      .catch(async (error: unknown) => {
        if (!isMissing(error)) throw error;
        await fs.mkdir(root, { recursive: true });
        return fs.realpath(root);
      })
      .catch((error: unknown) => {
        realRoot = null;
        throw error;
      }));

  // Directories proven to resolve inside the root: later paths in them need only their last part checked.
  const insideDirs = new Set<string>([root]);
  // Directories found missing (below an ancestor proven inside); forgotten whenever the driver creates something.
  const missingDirs = new Set<string>();

  /**
   * Whether `absolute` exists, after proving that it (or, where it does not exist, its deepest
   * existing ancestor) resolves inside the real root. Missing directories on the way are remembered.
   */
  async function checkInside(absolute: string, hostPath: string): Promise<boolean> {
    const real = await ensureRoot();
    const missing: string[] = [];
    let probe = absolute;
    for (;;) {
      if (probe !== absolute && (insideDirs.has(probe) || missingDirs.has(probe))) break;
      try {
        const resolved = await fs.realpath(probe);
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
  async function checkDir(dir: string, hostPath: string): Promise<void> {
    if (insideDirs.has(dir) || missingDirs.has(dir)) return;
    if (await checkInside(dir, hostPath)) insideDirs.add(dir);
    else missingDirs.add(dir);
  }

  return {
    root,
    ensureRoot,

    /**
     * The absolute path of a host path. Its directory is checked once per driver; its last part
     * every time it exists, since that is what a hand-made symlink would replace.
     */
    async resolve(hostPath: string): Promise<string> {
      const absolute = path.join(root, normaliseHostPath(hostPath));
      await ensureRoot();
      const dir = path.dirname(absolute);
      await checkDir(dir, hostPath);
      if (missingDirs.has(dir)) return absolute;
      const last = await fs.lstat(absolute).catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (last?.isSymbolicLink()) await checkInside(absolute, hostPath);
      return absolute;
    },

    /** The absolute path of a directory, checked as a whole in one step (its contents then need only their last part checked). */
    async resolveDir(hostPath: string): Promise<string> {
      const absolute = path.join(root, normaliseHostPath(hostPath));
      await checkDir(absolute, hostPath);
      return absolute;
    },

    /** Makes the directory of `absolute` (resolved) where it is missing. */
    async ensureParent(absolute: string): Promise<void> {
      const dir = path.dirname(absolute);
      // Checked and found there: no mkdir for it.
      if (insideDirs.has(dir)) return;
      const first = await fs.mkdir(dir, { recursive: true });
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
