import { createHash } from "node:crypto";
import { badRequest } from "@/server/errors";
import type { SecretHandling } from "../kind";
import { decryptSecret, encryptSecret, isSealed } from "../secrets";
import { type EnvEntry, mapSecretValues, parseEnvText } from "./env-config-parse";

export type EnvConfigContent = { text: string };

/**
 * What a person sees instead of a secret: `<secret:1a2b3c4d>`, a fingerprint of the sealed value
 * (not of the secret, which could be guessed from a short hash). It changes only when the secret
 * is retyped, so a reviewer's diff shows which secrets changed without showing any of them.
 */
const maskPattern = /^<secret(?::([0-9a-f]{8}))?>$/;
const fingerprint = (sealed: string) => createHash("sha256").update(sealed).digest("hex").slice(0, 8);
export const maskOf = (sealed: string) => (isSealed(sealed) ? `<secret:${fingerprint(sealed)}>` : "<secret>");
export const isMask = (value: string) => maskPattern.test(value);

function sealedByFingerprint(previous: EnvConfigContent | null): Map<string, string> {
  const known = new Map<string, string>();
  if (!previous) return known;
  for (const entry of parseEnvText(previous.text).entries) if (entry.secret && isSealed(entry.value)) known.set(fingerprint(entry.value), entry.value);
  return known;
}

/**
 * Typed text to stored text. Each secret value typed in clear is sealed; a mask left as the editor
 * showed it keeps the sealed value it names from `previous`. A sealed-looking value typed by a
 * person is refused rather than stored as is: only Hostdesk writes sealed values, so accepting one
 * would let a value sealed elsewhere be smuggled in, and it catches content that was sealed twice.
 */
export function sealEnvConfig(content: EnvConfigContent, previous: EnvConfigContent | null): EnvConfigContent {
  const known = sealedByFingerprint(previous);
  for (const entry of parseEnvText(content.text).entries) {
    if (!entry.secret && isMask(entry.value)) {
      throw badRequest(`Line ${entry.line}: ${entry.key} holds a hidden secret; keep "secret" in front of it, or type the new value.`);
    }
  }
  const text = mapSecretValues(content.text, (entry: EnvEntry) => {
    const mask = maskPattern.exec(entry.value);
    if (mask) {
      const sealed = mask[1] ? known.get(mask[1]) : undefined;
      if (!sealed) throw badRequest(`Line ${entry.line}: the hidden value of ${entry.key} is not one Hostdesk still holds; type the secret again.`);
      return sealed;
    }
    if (isSealed(entry.value)) throw badRequest(`Line ${entry.line}: ${entry.key} looks like an already encrypted value; type the secret itself.`);
    return encryptSecret(entry.value);
  });
  return { text };
}

/** Stored text to text any person may see: sealed values become masks. */
export function maskEnvConfig(content: EnvConfigContent): EnvConfigContent {
  return { text: mapSecretValues(content.text, (entry) => (isMask(entry.value) ? entry.value : maskOf(entry.value))) };
}

/** Stored text to the text `render` needs: sealed values opened. Only the rollout calls it, in memory. */
export function revealEnvConfig(content: EnvConfigContent): EnvConfigContent {
  return {
    text: mapSecretValues(content.text, (entry) => {
      if (!isSealed(entry.value)) throw new Error(`Line ${entry.line}: the secret ${entry.key} is not sealed; only stored content can be revealed.`);
      return decryptSecret(entry.value);
    }),
  };
}

/** Stored text with each sealed value replaced, for a key-rotation pass over stored revisions. */
export function mapSealedEnvConfig(content: EnvConfigContent, replace: (sealed: string) => string): EnvConfigContent {
  return { text: mapSecretValues(content.text, (entry) => (isSealed(entry.value) ? replace(entry.value) : entry.value)) };
}

export const envConfigSecrets: SecretHandling<EnvConfigContent> = { seal: sealEnvConfig, mask: maskEnvConfig, reveal: revealEnvConfig, mapSealed: mapSealedEnvConfig };
