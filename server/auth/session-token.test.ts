import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./session-token";

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
});
