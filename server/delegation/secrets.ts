import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * Secret values customers type into snippets (env_config) are sealed with AES-256-GCM before they
 * are stored, so a database dump or backup never holds them in clear. Keys come from the
 * environment, never the database, and rotate: the sealed value names the key that sealed it.
 *
 * Sealed format: `v1:<keyId>:<iv>:<tag>:<ciphertext>`, each binary part base64url without padding.
 * The version and key id are authenticated (GCM additional data), so neither can be swapped.
 */

export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretError";
  }
}

export type SecretKey = { id: string; key: Buffer };
/** The first key seals; every key opens what it sealed. */
export type KeyRing = { current: SecretKey; byId: ReadonlyMap<string, SecretKey> };

const sealedPattern = /^v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]*)$/;
const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

const keyEntry = z
  .string()
  .trim()
  .transform((entry, ctx): SecretKey => {
    const colon = entry.indexOf(":");
    const id = colon === -1 ? "" : entry.slice(0, colon);
    if (!keyIdPattern.test(id)) {
      ctx.addIssue({ code: "custom", message: `each key is "id:base64key" with an id of letters, digits, - or _ (got "${id || entry.slice(0, 8)}…")` });
      return z.NEVER;
    }
    const key = Buffer.from(entry.slice(colon + 1), "base64");
    if (key.length !== 32) {
      ctx.addIssue({ code: "custom", message: `key "${id}" must be 32 bytes of base64 (openssl rand -base64 32); it is ${key.length} bytes` });
      return z.NEVER;
    }
    return { id, key };
  });

const keyRingSchema = z
  .string()
  .transform((value) => value.split(",").filter((part) => part.trim() !== ""))
  .pipe(z.array(keyEntry).min(1, "HOSTDESK_SECRET_KEYS lists no keys"))
  .superRefine((keys, ctx) => {
    const seen = new Set<string>();
    for (const { id } of keys) {
      if (seen.has(id)) ctx.addIssue({ code: "custom", message: `key id "${id}" appears twice; every key needs its own id` });
      seen.add(id);
    }
  });

/** Parses `HOSTDESK_SECRET_KEYS`: comma-separated `id:base64key`, the first one current. */
export function parseKeyRing(value: string): KeyRing {
  const parsed = keyRingSchema.safeParse(value);
  if (!parsed.success) throw new SecretError(`HOSTDESK_SECRET_KEYS is not usable: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const keys = parsed.data;
  return { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k])) };
}

/**
 * The ring the environment gives. Without `HOSTDESK_SECRET_KEYS` a development machine still works:
 * its key is derived from NEXTAUTH_SECRET (or a fixed phrase), so sealed values survive restarts of
 * one checkout. That key is not secret at all, which is why production refuses to start without real
 * keys instead of falling back silently.
 */
export function keyRingFromEnv(env: Record<string, string | undefined> = process.env): KeyRing {
  const configured = env.HOSTDESK_SECRET_KEYS?.trim();
  if (configured) return parseKeyRing(configured);
  if (env.NODE_ENV === "production") {
    throw new SecretError("HOSTDESK_SECRET_KEYS is not set. Set it to \"k1:<openssl rand -base64 32>\" before sealing or opening secrets in production.");
  }
  const seed = env.NEXTAUTH_SECRET ?? "hostdesk development only: not a secret";
  const key = createHash("sha256").update(`hostdesk-dev-secret-key\0${seed}`).digest();
  const dev = { id: "dev", key };
  return { current: dev, byId: new Map([[dev.id, dev]]) };
}

let cached: { source: string | undefined; nodeEnv: string | undefined; nextAuth: string | undefined; ring: KeyRing } | null = null;

/** The environment's ring, parsed once per distinct setting (tests may change the environment). */
export function defaultRing(): KeyRing {
  const source = process.env.HOSTDESK_SECRET_KEYS;
  const nodeEnv = process.env.NODE_ENV;
  const nextAuth = process.env.NEXTAUTH_SECRET;
  if (!cached || cached.source !== source || cached.nodeEnv !== nodeEnv || cached.nextAuth !== nextAuth) {
    cached = { source, nodeEnv, nextAuth, ring: keyRingFromEnv(process.env) };
  }
  return cached.ring;
}

const b64 = (buffer: Buffer) => buffer.toString("base64url");
const additionalData = (keyId: string) => Buffer.from(`v1:${keyId}`, "utf8");

/** Seals `plain` with the ring's current key; a fresh random IV each time, so equal secrets seal differently. */
export function encryptSecret(plain: string, ring: KeyRing = defaultRing()): string {
  const { id, key } = ring.current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(additionalData(id));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1:${id}:${b64(iv)}:${b64(cipher.getAuthTag())}:${b64(ciphertext)}`;
}

/** Whether a string has the sealed format (it says nothing about whether it opens). */
export function isSealed(value: string): boolean {
  return sealedPattern.test(value);
}

/** The id of the key that sealed `sealed`, e.g. to find values still sealed with a retired key. */
export function sealedKeyId(sealed: string): string {
  const match = sealedPattern.exec(sealed);
  if (!match) throw new SecretError("That is not a sealed secret value.");
  return match[1]!;
}

/** Opens a sealed value with the key it names; any change to any part of it is detected. */
export function decryptSecret(sealed: string, ring: KeyRing = defaultRing()): string {
  const match = sealedPattern.exec(sealed);
  if (!match) throw new SecretError("That is not a sealed secret value.");
  const [, keyId, iv, tag, ciphertext] = match as unknown as [string, string, string, string, string];
  const entry = ring.byId.get(keyId);
  if (!entry) {
    throw new SecretError(`The secret was sealed with key "${keyId}", which HOSTDESK_SECRET_KEYS no longer lists; add that key back to open it.`);
  }
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new SecretError("The sealed secret is damaged (its IV or tag has the wrong length).");
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, ivBytes);
    decipher.setAAD(additionalData(keyId));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretError(`The sealed secret did not authenticate with key "${keyId}": it was altered or sealed with a different key of that id.`);
  }
}

/** Re-seals with the current key; values already sealed with it are returned unchanged (no needless churn). */
export function rotateSecret(sealed: string, ring: KeyRing = defaultRing()): string {
  if (sealedKeyId(sealed) === ring.current.id) {
    decryptSecret(sealed, ring); // still proves it opens
    return sealed;
  }
  return encryptSecret(decryptSecret(sealed, ring), ring);
}
