import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken, MAX_REMEMBERED_TOKENS, rememberedTokenCount } from "./session-token";

describe("session token decoding", () => {
  it("reads the tokens next-auth writes, and nothing else", async () => {
    const token = await encode({ token: { uid: "3f1c1f1e-0000-4000-8000-000000000001", sv: 4, roles: [], orgIds: [] }, secret: "s3cret" });
    expect(await decodeSessionToken(token, "s3cret")).toEqual({ userId: "3f1c1f1e-0000-4000-8000-000000000001", sessionVersion: 4 });
    expect(await decodeSessionToken(token, "another-secret")).toBeNull();
    expect(await decodeSessionToken(token.slice(0, -4) + "AAAA", "s3cret")).toBeNull();
    const expired = await encode({ token: { uid: "x", sv: 1, roles: [], orgIds: [] }, secret: "s3cret", maxAge: -60 });
    expect(await decodeSessionToken(expired, "s3cret")).toBeNull();
    // A token of the right shape in every way but the session version's type.
    const foreign = await encode({ token: JSON.parse('{"uid":"x","sv":"1","roles":[],"orgIds":[]}'), secret: "s3cret" });
    expect(await decodeSessionToken(foreign, "s3cret")).toBeNull();
  });

  describe("remembering decrypted tokens", () => {
    afterEach(() => vi.useRealTimers());
    const claims = { uid: "3f1c1f1e-0000-4000-8000-000000000002", sv: 2, roles: [], orgIds: [] };

    it("stops accepting a remembered token once it expires", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const token = await encode({ token: claims, secret: "s3cret", maxAge: 60 });
      expect(await decodeSessionToken(token, "s3cret")).toEqual({ userId: claims.uid, sessionVersion: 2 });
      vi.setSystemTime(Date.now() + 70_000);
      expect(await decodeSessionToken(token, "s3cret")).toEqual({ userId: claims.uid, sessionVersion: 2 });
      vi.setSystemTime(Date.now() + 10_000);
      expect(await decodeSessionToken(token, "s3cret")).toBeNull();
    });

    it("accepts a remembered token only under the secret it was read with", async () => {
      const token = await encode({ token: claims, secret: "s3cret" });
      expect(await decodeSessionToken(token, "s3cret")).not.toBeNull();
      expect(await decodeSessionToken(token, "another-secret")).toBeNull();
      expect(await decodeSessionToken(token, "s3cret")).not.toBeNull();
    });

    it("remembers a bounded number of tokens, and never an invalid one", async () => {
      const before = rememberedTokenCount();
      const token = await encode({ token: claims, secret: "s3cret" });
      for (let i = 0; i < 50; i++) await decodeSessionToken(`${token.slice(0, -6)}${String(i).padStart(6, "A")}`, "s3cret");
      expect(rememberedTokenCount()).toBeLessThanOrEqual(before + 1);
      for (let i = 0; i < MAX_REMEMBERED_TOKENS + 10; i++) await decodeSessionToken(await encode({ token: { ...claims, sv: i }, secret: "s3cret" }), "s3cret");
      expect(rememberedTokenCount()).toBe(MAX_REMEMBERED_TOKENS);
    }, 60_000);
  });
});
