/**
 * One interface for every way Hostdesk reaches a host. The rollout engine speaks only this; the
 * `local` driver (a folder per host under `.data/platform/<host>`) and the `ssh` driver (ssh2, SFTP,
 * pinned host keys) implement it. Paths are relative to the host's root, never absolute; a driver
 * refuses any path that is absolute or leads out of the root (`..`, a symlink pointing outside).
 */
export type CommandResult = { code: number; stdout: string; stderr: string };

/**
 * What became of a reload. `skipped` is an honest answer, not a success: the local driver has no
 * daemon behind a host folder, so unless the folder brings a hook there is nothing to reload.
 */
export type ReloadResult = { status: "reloaded" | "skipped" | "failed"; detail: string };

export interface PlatformDriver {
  /** sha256 (hex) of each file's bytes, or null where the file does not exist. */
  hashFiles(paths: string[]): Promise<Map<string, string | null>>;
  readFile(path: string): Promise<string | null>;
  /** Writes a file whole: to a temporary name beside the target, then an atomic rename. */
  writeFileAtomic(path: string, content: string, mode: number): Promise<void>;
  /**
   * Writes a file at a temporary path (for staging); the caller renames or removes it. Not forced to
   * disk: what it writes is either thrown away or only a hint until a later durable write.
   */
  writeFile(path: string, content: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a file that is already gone is not an error. */
  remove(path: string): Promise<void>;
  /** Copies a directory tree (for a staging copy of a daemon's configuration). */
  copyDir(from: string, to: string): Promise<void>;
  removeDir(path: string): Promise<void>;
  /**
   * sha256 of every file below a directory, keyed by path relative to it; a symlink is recorded by
   * its target (`symlink:<target>`), not followed. Null where the directory does not exist. Tells
   * whether two hosts would stage byte-identical trees for a check.
   */
  hashTree(dir: string): Promise<Map<string, string> | null>;
  /** Names in a directory, or null where it does not exist (finds leftovers of an interrupted apply). */
  listDir(path: string): Promise<string[] | null>;
  /** Runs a command on the host with the host's root as working directory, with a timeout. */
  run(argv: string[], options?: { timeoutMs?: number }): Promise<CommandResult>;
  /** Makes the daemon behind `kind` pick up its new files; how depends on the driver. */
  reload(kind: string, argv: string[], options?: { timeoutMs?: number }): Promise<ReloadResult>;
  /** Absolute path of the host's root as commands on the host see it. */
  readonly root: string;
  close(): Promise<void>;
}
