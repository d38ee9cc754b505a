import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretError, decryptSecret, encryptSecret, isSealed, keyRingFromEnv, parseKeyRing, rotateSecret, sealedKeyId } from "./secrets";

const newKey = () => randomBytes(32).toString("base64");
const k1 = newKey();
const k2 = newKey();
const oldRing = parseKeyRing(`k1:${k1}`);
const rotatedRing = parseKeyRing(`k2:${k2},k1:${k1}`);

describe("secrets", () => {
  it("round-trips, with a fresh IV each time", () => {
    for (const plain of ["hunter2", "", "päss wörd ✓ with = and , and :", "x".repeat(5000)]) {
      const sealed = encryptSecret(plain, oldRing);
      expect(isSealed(sealed)).toBe(true);
      expect(sealed.startsWith("v1:k1:")).toBe(true);
      expect(sealed).not.toContain(plain || "\u0000");
      expect(decryptSecret(sealed, oldRing)).toBe(plain);
    }
    expect(encryptSecret("same", oldRing)).not.toBe(encryptSecret("same", oldRing));
  });

  it("detects tampering with any part", () => {
    const sealed = encryptSecret("database password", oldRing);
    const parts = sealed.split(":");
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      const altered = [...parts];
      altered[index] = bytes.toString("base64url");
      expect(() => decryptSecret(altered.join(":"), oldRing)).toThrow(SecretError);
    }
    // Same key bytes under another id: the id is authenticated, so relabelling is caught.
    const relabelled = parseKeyRing(`other:${k1}`);
    expect(() => decryptSecret(sealed.replace("v1:k1:", "v1:other:"), relabelled)).toThrow(/did not authenticate/);
    expect(() => decryptSecret("v1:k1:not-it", oldRing)).toThrow(/not a sealed secret/);
  });

  it("rotates: old keys still open, re-sealing uses the current key", () => {
    const sealedOld = encryptSecret("rotate me", oldRing);
    expect(decryptSecret(sealedOld, rotatedRing)).toBe("rotate me");
    const resealed = rotateSecret(sealedOld, rotatedRing);
    expect(sealedKeyId(resealed)).toBe("k2");
    expect(decryptSecret(resealed, rotatedRing)).toBe("rotate me");
    expect(encryptSecret("new", rotatedRing).startsWith("v1:k2:")).toBe(true);
    // Already current: unchanged, so a rotation pass over many rows rewrites only what it must.
    expect(rotateSecret(resealed, rotatedRing)).toBe(resealed);
  });

  it("names the missing key when the ring no longer has it", () => {
    const sealed = encryptSecret("gone", rotatedRing);
    expect(() => decryptSecret(sealed, oldRing)).toThrow(/key "k2", which HOSTDESK_SECRET_KEYS no longer lists/);
  });

  it("refuses malformed key rings with a reason", () => {
    expect(() => parseKeyRing("k1:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`k1:${k1},k1:${k2}`)).toThrow(/appears twice/);
    expect(() => parseKeyRing(`bad id:${k1}`)).toThrow(/id:base64key/);
    expect(() => parseKeyRing(" , ")).toThrow(/no keys/);
  });

  it("falls back to a development key only outside production", () => {
    expect(() => keyRingFromEnv({ NODE_ENV: "production" })).toThrow(/HOSTDESK_SECRET_KEYS is not set/);
    const dev = keyRingFromEnv({ NODE_ENV: "development", NEXTAUTH_SECRET: "s" });
    expect(dev.current.id).toBe("dev");
    // Deterministic, so a development database stays readable across restarts.
    expect(decryptSecret(encryptSecret("x", dev), keyRingFromEnv({ NODE_ENV: "test", NEXTAUTH_SECRET: "s" }))).toBe("x");
    expect(keyRingFromEnv({ NODE_ENV: "production", HOSTDESK_SECRET_KEYS: `k2:${k2}` }).current.id).toBe("k2");
  });
});
