import { randomUUID } from "node:crypto";
import path from "node:path";

/**
 * Where Hostdesk keeps its own state on a host, relative to the host's root. On a real VM (ssh
 * driver, root `/`) that is `/var/lib/hostdesk`, where the FHS puts a program's state; in a local
 * host folder it is the same path below the folder. Snippet files may not land here.
 */
export const hostStateDir = "var/lib/hostdesk";

/** The executable a local host folder may bring to stand in for a daemon's reload. */
export function reloadHookPath(kind: string): string {
  if (!/^[a-z0-9_-]+$/.test(kind)) throw new Error(`Not a snippet kind name: "${kind}"`);
  return `${hostStateDir}/hooks/reload-${kind}`;
}

const temporaryName = /^\..+\.hostdesk-[0-9a-f]{16}$/;

/**
 * A unique temporary name in the target's own directory, so the final rename never crosses a file
 * system (rename is atomic only within one). The pattern lets the next apply find what a killed one
 * left behind.
 */
export function temporaryPathBeside(target: string): string {
  const dir = path.posix.dirname(target);
  // 60 random bits as hex (a version 4 UUID less its dashes, cut to 16); randomUUID draws from a buffered pool, randomBytes asked the kernel each time (a first apply makes four).
  const name = `.${path.posix.basename(target)}.hostdesk-${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  return dir === "." ? name : `${dir}/${name}`;
}

/** Whether a directory entry is a temporary file written by `temporaryPathBeside`. */
export function isTemporaryName(name: string): boolean {
  return temporaryName.test(name);
}
