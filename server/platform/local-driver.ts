import { createHash } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { CommandResult, PlatformDriver, ReloadResult } from "./driver";
import { reloadHookPath, temporaryPathBeside } from "./host-layout";
import { HostPathError, isWithin, normaliseHostPath } from "./host-path";
import { mapLimit } from "./map-limit";
import { reloadResult } from "./reload-result";
import { runCommand } from "./run-command";

/**
 * Where local host folders live: `HOSTDESK_PLATFORM_ROOT`, else `.data/platform` below the working
 * directory (the launcher's `.data/`, kept out of git).
 */
export function platformRoot(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.HOSTDESK_PLATFORM_ROOT || ".data/platform");
}

export type LocalDriverOptions = {
  /** The folder holding host folders; `platformRoot()` when absent. */
  platformRoot?: string;
  /**
   * How a reload happens. `hook` (the default): run the host folder's executable
   * `var/lib/hostdesk/hooks/reload-<kind>` with the kind's reload argv as its arguments, or report
   * the reload skipped when there is none: a folder has no daemon to signal. `run`: run the reload
   * argv itself in the folder, for a machine that really is the host (and for tests).
   */
  reloads?: "hook" | "run";
  /** Timeout of `run` when the caller gives none. */
  defaultTimeoutMs?: number;
};

/** A safe single path segment: a VM's name becomes a folder name and must not point anywhere else. */
const hostNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const ioLanes = 16;

/**
 * A host as a folder `<platformRoot>/<hostName>`. Everything the rollout does to a VM over SSH it
 * does here to files, for real: atomic renames, the daemon's own config test against a staged copy.
 */
export function createLocalDriver(hostName: string, options: LocalDriverOptions = {}): PlatformDriver {
  if (!hostNamePattern.test(hostName) || hostName === "." || hostName === "..") {
    throw new Error(`"${hostName}" cannot name a local host folder: use letters, digits, ".", "_" and "-", starting with a letter or digit.`);
  }
  const root = path.join(options.platformRoot ?? platformRoot(), hostName);
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
  const reloads = options.reloads ?? "hook";

  // The root's real path is what every resolved path must stay below; computed once per driver.
  let realRoot: Promise<string> | null = null;
  const ensureRoot = () =>
    (realRoot ??= fs.mkdir(root, { recursive: true }).then(() => fs.realpath(root))).catch((error: unknown) => {
      realRoot = null;
      throw error;
    });
  const knownDirs = new Set<string>();

  // Directories proven to resolve inside the root: later paths in them need only their last part checked.
  const insideDirs = new Set<string>([root]);

  /** Whether `absolute` (or, where it does not exist, its deepest existing ancestor) resolves inside the real root. */
  async function checkInside(absolute: string, hostPath: string): Promise<boolean> {
    const real = await ensureRoot();
    let probe = absolute;
    for (;;) {
      try {
        const resolved = await fs.realpath(probe);
        if (!isWithin(real, resolved)) throw new HostPathError(hostPath, "a symlink on the way leads out of the host's root");
        return probe === absolute;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code === "ENOENT" || code === "ENOTDIR") && probe !== root) {
          probe = path.dirname(probe);
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * The absolute path of a host path, after proving that neither its letters nor any symlink on the
   * way lead out of the host. Its directory is checked once per driver; its last part every time,
   * since that is what a hand-made symlink would replace.
   */
  async function resolve(hostPath: string): Promise<string> {
    const absolute = path.join(root, normaliseHostPath(hostPath));
    await ensureRoot();
    const dir = path.dirname(absolute);
    if (!insideDirs.has(dir) && (await checkInside(dir, hostPath))) insideDirs.add(dir);
    const last = await fs.lstat(absolute).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
      throw error;
    });
    if (last?.isSymbolicLink()) await checkInside(absolute, hostPath);
    return absolute;
  }

  async function ensureParent(absolute: string) {
    const dir = path.dirname(absolute);
    // resolve() put the directory in insideDirs only after finding it there: no mkdir for it.
    if (knownDirs.has(dir) || insideDirs.has(dir)) return;
    await fs.mkdir(dir, { recursive: true });
    knownDirs.add(dir);
    // Made by us below an ancestor proven inside: real directories, not links.
    insideDirs.add(dir);
  }

  async function writeWhole(absolute: string, content: string, mode: number, flags: "wx" | "w", durable: boolean) {
    const handle = await fs.open(absolute, flags, mode);
    try {
      await handle.writeFile(content);
      // open() applies the umask; the mode a snippet asks for is the mode it gets.
      await handle.chmod(mode);
      // Before the rename, so that after a power cut the name never points at a file whose bytes never reached the disk.
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function hashOne(hostPath: string): Promise<string | null> {
    try {
      const bytes = await fs.readFile(await resolve(hostPath));
      return createHash("sha256").update(bytes).digest("hex");
    } catch (error) {
      // ENOTDIR: a file stands where a directory on the way should be, so this file cannot exist either.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return null;
      throw error;
    }
  }

  const driver: PlatformDriver = {
    root,

    async hashFiles(paths) {
      const hashes = await mapLimit(paths, ioLanes, hashOne);
      return new Map(paths.map((p, i) => [p, hashes[i] ?? null]));
    },

    async readFile(hostPath) {
      try {
        return await fs.readFile(await resolve(hostPath), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },

    async writeFileAtomic(hostPath, content, mode) {
      const target = await resolve(hostPath);
      await ensureParent(target);
      const temporary = path.join(root, temporaryPathBeside(normaliseHostPath(hostPath)));
      try {
        await writeWhole(temporary, content, mode, "wx", true);
        // rename(2) swaps the name in one step: a reader (or a crash) sees the old file or the new, never half.
        await fs.rename(temporary, target);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },

    async writeFile(hostPath, content, mode) {
      const target = await resolve(hostPath);
      await ensureParent(target);
      await writeWhole(target, content, mode, "w", false);
    },

    async rename(from, to) {
      const source = await resolve(from);
      const target = await resolve(to);
      await ensureParent(target);
      await fs.rename(source, target);
    },

    async remove(hostPath) {
      await fs.rm(await resolve(hostPath), { force: true });
    },

    async copyDir(from, to) {
      const source = await resolve(from);
      const target = await resolve(to);
      const stat = await fs.stat(source).catch(() => null);
      if (!stat?.isDirectory()) throw new Error(`Cannot copy "${from}": it is not a directory on this host`);
      // Symlinks are copied as they are, as `cp -a` does on the ssh side.
      await fs.cp(source, target, { recursive: true, verbatimSymlinks: true, force: true });
    },

    async removeDir(hostPath) {
      await fs.rm(await resolve(hostPath), { recursive: true, force: true });
      const removed = path.join(root, normaliseHostPath(hostPath));
      for (const dirs of [knownDirs, insideDirs]) for (const dir of dirs) if (isWithin(removed, dir)) dirs.delete(dir);
    },

    async hashTree(dir) {
      const top = await resolve(dir);
      const entries = await fs.readdir(top, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
      if (!entries) return null;
      const hashes = new Map<string, string>();
      await mapLimit(entries, ioLanes, async (entry) => {
        const absolute = path.join(entry.parentPath, entry.name);
        const relative = path.relative(top, absolute).split(path.sep).join("/");
        if (entry.isSymbolicLink()) hashes.set(relative, `symlink:${await fs.readlink(absolute)}`);
        else if (entry.isFile()) hashes.set(relative, createHash("sha256").update(await fs.readFile(absolute)).digest("hex"));
      });
      return hashes;
    },

    async listDir(hostPath) {
      try {
        return await fs.readdir(await resolve(hostPath));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },

    async run(argv, runOptions): Promise<CommandResult> {
      await ensureRoot();
      return runCommand(argv, root, runOptions?.timeoutMs ?? defaultTimeoutMs);
    },

    async reload(kind, argv, reloadOptions): Promise<ReloadResult> {
      const timeoutMs = reloadOptions?.timeoutMs ?? defaultTimeoutMs;
      if (reloads === "run") return reloadResult(await driver.run(argv, { timeoutMs }), argv.join(" "));
      const hook = await resolve(reloadHookPath(kind));
      const executable = await fs.access(hook, fsConstants.X_OK).then(
        () => true,
        () => false,
      );
      if (!executable) return { status: "skipped", detail: `reload skipped: no daemon on a local host (no executable ${reloadHookPath(kind)})` };
      return reloadResult(await driver.run([hook, ...argv], { timeoutMs }), reloadHookPath(kind));
    },

    async close() {},
  };
  return driver;
}
