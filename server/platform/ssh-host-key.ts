import { createHash } from "node:crypto";
import type { ServerHostKeyAlgorithm } from "ssh2";

/** A host key as pinned on a VM row: the `ssh-ed25519 AAAA…` line of the host's `.pub` file. */
export type PinnedHostKey = { type: string; blob: Buffer; fingerprint: string };

/** Signature algorithms that prove a key of each type; asking for only these makes the server show the pinned key. */
const algorithmsByKeyType: Record<string, ServerHostKeyAlgorithm[]> = {
  "ssh-ed25519": ["ssh-ed25519"],
  "ecdsa-sha2-nistp256": ["ecdsa-sha2-nistp256"],
  "ecdsa-sha2-nistp384": ["ecdsa-sha2-nistp384"],
  "ecdsa-sha2-nistp521": ["ecdsa-sha2-nistp521"],
  "ssh-rsa": ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"],
};

/** The fingerprint OpenSSH prints (`ssh-keygen -lf`), so staff can compare what they see. */
export function hostKeyFingerprint(blob: Buffer): string {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

/** Parses a pinned key, refusing anything that is not one whole public key of a type we can pin. */
export function parsePinnedHostKey(line: string): PinnedHostKey {
  const [type, base64] = line.trim().split(/\s+/);
  const usage = "A pinned host key is one line like the host's /etc/ssh/ssh_host_ed25519_key.pub: `ssh-ed25519 AAAA…`.";
  if (!type || !base64 || !/^[A-Za-z0-9+/]+=*$/.test(base64)) throw new Error(`Not a host key. ${usage}`);
  if (!algorithmsByKeyType[type]) throw new Error(`Host keys of type "${type}" cannot be pinned; use ${Object.keys(algorithmsByKeyType).join(", ")}.`);
  const blob = Buffer.from(base64, "base64");
  // The blob names its own type first (uint32 length, then the name): a mismatch is a pasting mistake.
  const nameLength = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (nameLength < 0 || blob.subarray(4, 4 + nameLength).toString("latin1") !== type) {
    throw new Error(`The key data does not match its type "${type}". ${usage}`);
  }
  return { type, blob, fingerprint: hostKeyFingerprint(blob) };
}

export function hostKeyAlgorithms(key: PinnedHostKey): ServerHostKeyAlgorithm[] {
  return algorithmsByKeyType[key.type] ?? [];
}

/** The server showed a host key other than the pinned one: a reinstalled VM, or someone in between. */
export class HostKeyMismatchError extends Error {
  constructor(target: string, expected: PinnedHostKey, offered: Buffer) {
    super(
      `Refused ${target}: its host key ${hostKeyFingerprint(offered)} is not the pinned ${expected.type} key ${expected.fingerprint}. ` +
        `Nothing was sent to it. If the VM was reinstalled, check the new key out of band and update the VM's pinned host key.`,
    );
    this.name = "HostKeyMismatchError";
  }
}
