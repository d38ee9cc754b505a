import { createHash } from "node:crypto";
import path from "node:path";
import { Client, type FileEntryWithStats, type SFTPWrapper, type Stats } from "ssh2";
import type { CommandResult, PlatformDriver, ReloadResult } from "./driver";
import { temporaryPathBeside } from "./host-layout";
import { HostPathError, isWithin, normaliseHostPath } from "./host-path";
import { mapLimit } from "./map-limit";
import { reloadResult } from "./reload-result";
import { outputCollector } from "./run-command";
import { shellQuote } from "./shell-quote";
import { HostKeyMismatchError, hostKeyAlgorithms, parsePinnedHostKey } from "./ssh-host-key";

export type SshDriverOptions = {
  host: string;
  port?: number;
  username: string;
  /** The client key (OpenSSH or PEM text), or how to load it when the first connection opens. */
  privateKey: string | Buffer | (() => Promise<string | Buffer>);
  /** The pinned host key, `ssh-ed25519 AAAA…`: any other key is refused before authenticating. */
  hostKey: string;
  /** The host's root on the remote machine; `/` for a whole VM. */
  root?: string;
  connectTimeoutMs?: number;
  /** Timeout of commands and of each file operation when the caller gives none. */
  commandTimeoutMs?: number;
};

type Session = { client: Client; sftp: SFTPWrapper; realRoot: string };
type SftpError = Error & { code?: number | string };

/** SSH_FX_NO_SUCH_FILE: the SFTP status for a path that does not exist. */
const noSuchFile = 2;
const sftpLanes = 16;

/**
 * A VM reached over SSH. One connection (and one SFTP channel on it) serves a host's whole apply;
 * `close()` ends it. Files move by SFTP; commands run through exec with every argument quoted.
 */
export function createSshDriver(options: SshDriverOptions): PlatformDriver {
  const port = options.port ?? 22;
  const target = `${options.username}@${options.host}:${port}`;
  const root = path.posix.normalize(options.root ?? "/");
  if (!root.startsWith("/")) throw new Error(`The remote root of ${target} must be absolute, not "${root}"`);
  const pinned = parsePinnedHostKey(options.hostKey);
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 30_000;

  let session: Promise<Session> | null = null;
  const knownDirs = new Set<string>();

  async function connect(): Promise<Session> {
    const privateKey = typeof options.privateKey === "function" ? await options.privateKey() : options.privateKey;
    const client = new Client();
    let offered: Buffer | null = null;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`SSH to ${target} did not become ready within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      client.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
      client.on("error", (error) => {
        clearTimeout(timer);
        if (offered && !offered.equals(pinned.blob)) reject(new HostKeyMismatchError(target, pinned, offered));
        else reject(new Error(`SSH to ${target} failed: ${error.message}`));
      });
      client.once("close", () => {
        clearTimeout(timer);
        reject(new Error(`SSH to ${target} closed before it was ready`));
      });
    });
    client.on("close", () => {
      session = null;
      knownDirs.clear();
    });
    client.connect({
      host: options.host,
      port,
      username: options.username,
      privateKey,
      readyTimeout: connectTimeoutMs,
      // Only the pinned key's algorithms: a server with several host keys then shows the pinned one.
      algorithms: { serverHostKey: hostKeyAlgorithms(pinned) },
      hostVerifier: (key: Buffer) => {
        offered = key;
        return key.equals(pinned.blob);
      },
    });
    try {
      await ready;
      const sftp = await withTimeout(
        new Promise<SFTPWrapper>((resolve, reject) => client.sftp((error, channel) => (error ? reject(error) : resolve(channel)))),
        connectTimeoutMs,
        "opening SFTP",
      );
      const made = await execOn(client, `mkdir -p -- ${shellQuote([root])}`, connectTimeoutMs);
      if (made.code !== 0) throw new Error(`Cannot create the host root ${root} on ${target}: ${made.stderr.trim()}`);
      const realRoot = await call<string>((cb) => sftp.realpath(root, cb), "realpath");
      return { client, sftp, realRoot };
    } catch (error) {
      client.end();
      throw error;
    }
  }

  function open(): Promise<Session> {
    if (!session) {
      const opening = connect();
      session = opening;
      opening.catch(() => {
        if (session === opening) session = null;
      });
    }
    return session;
  }

  /** Runs one SFTP request, with the driver's timeout: a server that stops answering must not hang an apply. */
  function call<T>(request: (cb: (error: SftpError | null | undefined, value: T) => void) => void, what: string): Promise<T> {
    return withTimeout(
      new Promise<T>((resolve, reject) => request((error, value) => (error ? reject(error) : resolve(value)))),
      commandTimeoutMs,
      `${what} on ${target}`,
    );
  }

  /** Like the local driver's: the deepest existing part of the path must resolve inside the real root. */
  async function resolve(hostPath: string): Promise<{ absolute: string; sftp: SFTPWrapper }> {
    const relative = normaliseHostPath(hostPath);
    const { sftp, realRoot } = await open();
    const absolute = path.posix.join(root, relative);
    let probe = absolute;
    for (;;) {
      try {
        const resolved = await call<string>((cb) => sftp.realpath(probe, cb), "realpath");
        if (!isWithin(realRoot, resolved, "/")) throw new HostPathError(hostPath, "a symlink on the way leads out of the host's root");
        return { absolute, sftp };
      } catch (error) {
        if ((error as SftpError).code === noSuchFile && probe !== root) {
          probe = path.posix.dirname(probe);
          continue;
        }
        throw error;
      }
    }
  }

  async function ensureDir(sftp: SFTPWrapper, dir: string): Promise<void> {
    if (dir === root || knownDirs.has(dir)) return;
    const exists = await call<Stats>((cb) => sftp.stat(dir, cb), "stat").then(
      (stats) => stats.isDirectory(),
      (error: SftpError) => {
        if (error.code === noSuchFile) return false;
        throw error;
      },
    );
    if (!exists) {
      await ensureDir(sftp, path.posix.dirname(dir));
      await call<void>((cb) => sftp.mkdir(dir, (error) => cb(error, undefined)), "mkdir").catch(async (error: unknown) => {
        // Another request may have made it meanwhile; only a directory that still is not there is an error.
        const stats = await call<Stats>((cb) => sftp.stat(dir, cb), "stat").catch(() => null);
        if (!stats?.isDirectory()) throw error;
      });
    }
    knownDirs.add(dir);
  }

  async function writeWhole(sftp: SFTPWrapper, absolute: string, content: string, mode: number, flags: "wx" | "w", durable: boolean) {
    const bytes = Buffer.from(content, "utf8");
    const handle = await call<Buffer>((cb) => sftp.open(absolute, flags, { mode }, cb), "open");
    try {
      if (bytes.length > 0) await call<void>((cb) => sftp.write(handle, bytes, 0, bytes.length, 0, (error) => cb(error, undefined)), "write");
      // The server's umask applies on open; set the mode the file is meant to have.
      await call<void>((cb) => sftp.fchmod(handle, mode, (error) => cb(error, undefined)), "chmod");
      if (durable) await call<void>((cb) => {
        try {
          sftp.ext_openssh_fsync(handle, (error) => cb(error, undefined));
        } catch {
          cb(null, undefined); // no fsync@openssh.com: the rename is still atomic, only not forced to disk
        }
      }, "fsync");
    } finally {
      await call<void>((cb) => sftp.close(handle, (error) => cb(error, undefined)), "close");
    }
  }

  function posixRename(sftp: SFTPWrapper, from: string, to: string): Promise<void> {
    // Plain SFTP rename refuses an existing target; posix-rename@openssh.com is rename(2), which replaces it atomically.
    return call<void>((cb) => sftp.ext_openssh_rename(from, to, (error) => cb(error, undefined)), "posix-rename");
  }

  async function exec(argv: string[], timeoutMs: number): Promise<CommandResult> {
    const { client } = await open();
    // timeout(1) (coreutils, busybox) stops the command on the host itself, whatever it started included.
    const seconds = (timeoutMs / 1000).toFixed(3);
    return execOn(client, `cd -- ${shellQuote([root])} && exec timeout -k 1 ${seconds} ${shellQuote(argv)}`, timeoutMs);
  }

  const driver: PlatformDriver = {
    root,

    async hashFiles(paths) {
      const hashes = await mapLimit(paths, sftpLanes, async (hostPath) => {
        const { absolute, sftp } = await resolve(hostPath);
        try {
          const bytes = await call<Buffer>((cb) => sftp.readFile(absolute, cb), "read");
          return createHash("sha256").update(bytes).digest("hex");
        } catch (error) {
          if ((error as SftpError).code === noSuchFile) return null;
          throw error;
        }
      });
      return new Map(paths.map((p, i) => [p, hashes[i] ?? null]));
    },

    async readFile(hostPath) {
      const { absolute, sftp } = await resolve(hostPath);
      try {
        return (await call<Buffer>((cb) => sftp.readFile(absolute, cb), "read")).toString("utf8");
      } catch (error) {
        if ((error as SftpError).code === noSuchFile) return null;
        throw error;
      }
    },

    async writeFileAtomic(hostPath, content, mode) {
      const { absolute, sftp } = await resolve(hostPath);
      await ensureDir(sftp, path.posix.dirname(absolute));
      const temporary = path.posix.join(root, temporaryPathBeside(normaliseHostPath(hostPath)));
      try {
        await writeWhole(sftp, temporary, content, mode, "wx", true);
        await posixRename(sftp, temporary, absolute);
      } catch (error) {
        await call<void>((cb) => sftp.unlink(temporary, (e) => cb(e, undefined)), "unlink").catch(() => {});
        throw error;
      }
    },

    async writeFile(hostPath, content, mode) {
      const { absolute, sftp } = await resolve(hostPath);
      await ensureDir(sftp, path.posix.dirname(absolute));
      await writeWhole(sftp, absolute, content, mode, "w", false);
    },

    async rename(from, to) {
      const source = await resolve(from);
      const targetPath = await resolve(to);
      await ensureDir(targetPath.sftp, path.posix.dirname(targetPath.absolute));
      await posixRename(source.sftp, source.absolute, targetPath.absolute);
    },

    async remove(hostPath) {
      const { absolute, sftp } = await resolve(hostPath);
      await call<void>((cb) => sftp.unlink(absolute, (error) => cb(error, undefined)), "unlink").catch((error: SftpError) => {
        if (error.code !== noSuchFile) throw error;
      });
    },

    async copyDir(from, to) {
      const source = await resolve(from);
      const targetPath = await resolve(to);
      // One `cp -a` on the host instead of a round trip per file; symlinks are copied as they are.
      const script = [
        `test -d ${shellQuote([source.absolute])} || { echo ${shellQuote([`Cannot copy "${from}": it is not a directory on this host`])} >&2; exit 1; }`,
        `mkdir -p -- ${shellQuote([targetPath.absolute])}`,
        `cp -a -- ${shellQuote([`${source.absolute}/.`, targetPath.absolute])}`,
      ].join(" && ");
      const { client } = await open();
      const result = await execOn(client, script, commandTimeoutMs);
      if (result.code !== 0) throw new Error(result.stderr.trim() || `copying "${from}" failed with exit ${result.code}`);
    },

    async removeDir(hostPath) {
      const { absolute } = await resolve(hostPath);
      const { client } = await open();
      const result = await execOn(client, `rm -rf -- ${shellQuote([absolute])}`, commandTimeoutMs);
      if (result.code !== 0) throw new Error(`Removing "${hostPath}" failed: ${result.stderr.trim()}`);
      for (const dir of knownDirs) if (isWithin(absolute, dir, "/")) knownDirs.delete(dir);
    },

    async hashTree(dir) {
      const { absolute: top, sftp } = await resolve(dir);
      const hashes = new Map<string, string>();
      // readdir's attributes come from lstat, so a symlink is seen as one and never followed.
      const walk = async (absolute: string): Promise<boolean> => {
        let entries: FileEntryWithStats[];
        try {
          entries = await call<FileEntryWithStats[]>((cb) => sftp.readdir(absolute, cb), "readdir");
        } catch (error) {
          if ((error as SftpError).code === noSuchFile) return false;
          throw error;
        }
        await mapLimit(entries, sftpLanes, async (entry) => {
          const child = `${absolute}/${entry.filename}`;
          const relative = path.posix.relative(top, child);
          if (entry.attrs.isDirectory()) await walk(child);
          else if (entry.attrs.isSymbolicLink()) hashes.set(relative, `symlink:${await call<string>((cb) => sftp.readlink(child, cb), "readlink")}`);
          else if (entry.attrs.isFile()) hashes.set(relative, createHash("sha256").update(await call<Buffer>((cb) => sftp.readFile(child, cb), "read")).digest("hex"));
        });
        return true;
      };
      return (await walk(top)) ? hashes : null;
    },

    async listDir(hostPath) {
      const { absolute, sftp } = await resolve(hostPath);
      try {
        const entries = await call<FileEntryWithStats[]>((cb) => sftp.readdir(absolute, cb), "readdir");
        return entries.map((entry) => entry.filename);
      } catch (error) {
        if ((error as SftpError).code === noSuchFile) return null;
        throw error;
      }
    },

    run(argv, runOptions) {
      return exec(argv, runOptions?.timeoutMs ?? commandTimeoutMs);
    },

    async reload(_kind, argv, reloadOptions): Promise<ReloadResult> {
      return reloadResult(await exec(argv, reloadOptions?.timeoutMs ?? commandTimeoutMs), argv.join(" "));
    },

    async close() {
      const current = session;
      session = null;
      if (!current) return;
      const opened = await current.catch(() => null);
      if (!opened) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        opened.client.once("close", () => {
          clearTimeout(timer);
          resolve();
        });
        opened.client.end();
      });
    },
  };
  return driver;
}

/**
 * One remote command, with two clocks. When the command runs under `timeout(1)` (what `run` does),
 * the host itself stops it at the deadline, TERM then KILL, and that is reported as exit 124. The
 * local clock, a little later, is the backstop for a host that stops answering: the channel is
 * dropped and the result says the command timed out.
 */
function execOn(client: Client, command: string, timeoutMs: number): Promise<CommandResult> {
  const started = Date.now();
  const timedOut = (stdout: string, stderr: string): CommandResult => ({
    code: 124,
    stdout,
    stderr: `${stderr}\nkilled after the ${timeoutMs} ms timeout`.trimStart(),
  });
  return new Promise((resolve, reject) => {
    client.exec(command, (error, stream) => {
      if (error) return reject(error);
      const stdout = outputCollector();
      const stderr = outputCollector();
      let code: number | null = null;
      let signal: string | null = null;
      let settled = false;
      const finish = (result: CommandResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(backstop);
        resolve(result);
      };
      const backstop = setTimeout(() => {
        finish(timedOut(stdout.text(), stderr.text()));
        stream.close();
      }, timeoutMs + remoteGraceMs);
      stream.on("data", (chunk: Buffer) => stdout.push(chunk));
      stream.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      stream.on("exit", (exitCode: number | null, exitSignal?: string) => {
        code = exitCode;
        signal = exitSignal ?? null;
      });
      stream.on("close", () => {
        if (code === 124 && Date.now() - started >= timeoutMs) return finish(timedOut(stdout.text(), stderr.text()));
        finish({ code: code ?? (signal ? 128 + (signalNumbers[signal] ?? 0) : 255), stdout: stdout.text(), stderr: stderr.text() });
      });
    });
  });
}

/** How long after the deadline the local clock gives the remote `timeout -k 1` to report. */
const remoteGraceMs = 3_000;

const signalNumbers: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, ABRT: 6, KILL: 9, SEGV: 11, PIPE: 13, ALRM: 14, TERM: 15 };

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} got no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
