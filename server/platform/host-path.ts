import path from "node:path";

/** A path a driver refuses: absolute, empty, or leading out of the host's root. */
export class HostPathError extends Error {
  constructor(
    readonly hostPath: string,
    reason: string,
  ) {
    super(`Refused host path "${hostPath}": ${reason}`);
    this.name = "HostPathError";
  }
}

/**
 * The canonical form of a host-relative path, checked by its letters alone. Symlinks need the
 * host's file system and are the drivers' own second check; this one costs nothing and runs first.
 */
export function normaliseHostPath(hostPath: string): string {
  if (hostPath.length === 0) throw new HostPathError(hostPath, "the path is empty");
  if (hostPath.includes("\0")) throw new HostPathError(hostPath, "the path contains a NUL byte");
  if (hostPath.startsWith("/") || hostPath.includes("\\") || /^[A-Za-z]:/.test(hostPath)) {
    throw new HostPathError(hostPath, "paths are relative to the host's root, never absolute");
  }
  const normal = path.posix.normalize(hostPath).replace(/\/+$/, "");
  if (normal === "." || normal === "") throw new HostPathError(hostPath, "the host's root itself is not a file");
  if (normal === ".." || normal.startsWith("../")) throw new HostPathError(hostPath, "the path leads out of the host's root");
  return normal;
}

/** Whether `candidate` (absolute, resolved) is `root` or lies below it. */
export function isWithin(root: string, candidate: string, sep: string = path.sep): boolean {
  if (candidate === root) return true;
  const prefix = root.endsWith(sep) ? root : root + sep;
  return candidate.startsWith(prefix);
}
