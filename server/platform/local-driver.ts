import { createHash } from "node:crypto";
import fsSync, { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";
import type { CommandResult, PlatformDriver, ReloadResult } from "./driver";
import { reloadHookPath, temporaryPathBeside } from "./host-layout";
import { normaliseHostPath } from "./host-path";
import { createPathGuard } from "./local-path-guard";
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
const fsync = promisify(fsSync.fsync);
const open = promisify(fsSync.open);

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

  const guard = createPathGuard(root);
  const { resolve, ensureParent } = guard;

  /**
   * Write, chmod and close are synchronous (small files, page cache): each trip to the thread pool
   * and back cost more worker CPU than the call it carried (bench:rollout). Creating the file and
   * the fsync go there: they wait on the file system's journal, which the event loop should not.
   */
  async function writeWhole(absolute: string, content: string, mode: number, flags: "wx" | "w", durable: boolean) {
    const fd = await open(absolute, flags, mode);
    try {
      fsSync.writeFileSync(fd, content);
      // open() applies the umask; the mode a snippet asks for is the mode it gets.
      fsSync.fchmodSync(fd, mode);
      // Before the rename, so that after a power cut the name never points at a file whose bytes never reached the disk.
      if (durable) await fsync(fd);
    } finally {
      fsSync.closeSync(fd);
    }
  }

  function hashOne(hostPath: string): string | null {
    const absolute = resolve(hostPath);
    if (guard.inMissingDir(absolute)) return null;
    try {
      return createHash("sha256").update(fsSync.readFileSync(absolute)).digest("hex");
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
      return new Map(paths.map((p) => [p, hashOne(p)]));
    },

    async readFile(hostPath) {
      const absolute = resolve(hostPath);
      if (guard.inMissingDir(absolute)) return null;
      try {
        return fsSync.readFileSync(absolute, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },

    async writeFileAtomic(hostPath, content, mode) {
      const target = resolve(hostPath);
      await ensureParent(target);
      const temporary = path.join(root, temporaryPathBeside(normaliseHostPath(hostPath)));
      try {
        await writeWhole(temporary, content, mode, "wx", true);
        // rename(2) swaps the name in one step: a reader (or a crash) sees the old file or the new, never half.
        fsSync.renameSync(temporary, target);
      } catch (error) {
        fsSync.rmSync(temporary, { force: true });
        throw error;
      }
    },

    async writeFile(hostPath, content, mode) {
      const target = resolve(hostPath);
      await ensureParent(target);
      await writeWhole(target, content, mode, "w", false);
    },

    async rename(from, to) {
      const source = resolve(from);
      const target = resolve(to);
      await ensureParent(target);
      fsSync.renameSync(source, target);
      guard.created();
    },

    async remove(hostPath) {
      fsSync.rmSync(resolve(hostPath), { force: true });
    },

    async copyDir(from, to) {
      const source = resolve(from);
      const target = resolve(to);
      const stat = await fs.stat(source).catch(() => null);
      if (!stat?.isDirectory()) throw new Error(`Cannot copy "${from}": it is not a directory on this host`);
      // Symlinks are copied as they are, as `cp -a` does on the ssh side.
      await fs.cp(source, target, { recursive: true, verbatimSymlinks: true, force: true });
      guard.created();
    },

    async removeDir(hostPath) {
      const removed = resolve(hostPath);
      await fs.rm(removed, { recursive: true, force: true });
      guard.removed(removed);
    },

    async hashTree(dir) {
      const top = resolve(dir);
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
        const absolute = guard.resolveDir(hostPath);
        return guard.isMissingDir(absolute) ? null : fsSync.readdirSync(absolute);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },

    async run(argv, runOptions): Promise<CommandResult> {
      guard.ensureRoot();
      return runCommand(argv, root, runOptions?.timeoutMs ?? defaultTimeoutMs);
    },

    async reload(kind, argv, reloadOptions): Promise<ReloadResult> {
      const timeoutMs = reloadOptions?.timeoutMs ?? defaultTimeoutMs;
      if (reloads === "run") return reloadResult(await driver.run(argv, { timeoutMs }), argv.join(" "));
      const hook = resolve(reloadHookPath(kind));
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
