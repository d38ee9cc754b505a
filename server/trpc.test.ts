import { describe, expect, it } from "vitest";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { callerFor } from "@/server/testing/actors";
import { isSameOrigin } from "./request-context";

describe("request guards", () => {
  it("treats a browser request from another site as foreign", () => {
    expect(isSameOrigin(new Headers({ host: "desk.example", origin: "https://desk.example" }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: "desk.example", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "desk.example", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "desk.example" }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: "desk.example", origin: "null" }))).toBe(false);
  });

  it("refuses a mutation from a foreign origin, even by an admin, and changes nothing", async () => {
    const forged = await callerFor("admin@hostdesk.test", new Headers({ host: "hostdesk.test", origin: "https://evil.example" }));
    const before = await databaseFingerprint();
    await expect(forged.orgs.create({ name: "Forged Org" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("another site") });
    expect(await databaseFingerprint()).toEqual(before);
    // Queries are not state-changing and stay readable.
    await expect(forged.orgs.list()).resolves.toHaveLength(3);
  });
});
