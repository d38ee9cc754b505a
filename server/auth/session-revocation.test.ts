import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { actorFor, callerFor } from "@/server/testing/actors";
import { loadActor } from "./actor";

async function claimsOf(email: string) {
  const [user] = await getDb().select().from(users).where(eq(users.email, email));
  return { userId: user!.id, sessionVersion: user!.sessionVersion };
}

describe("session revocation: a session's claims hold only while the database agrees", () => {
  it("sign-out everywhere ends the sessions issued before it", async () => {
    const claims = await claimsOf("dev@acme.test");
    expect(await loadActor(getDb(), claims)).not.toBeNull();
    await (await callerFor("dev@acme.test")).session.signOutEverywhere();
    expect(await loadActor(getDb(), claims)).toBeNull();
    expect(await loadActor(getDb(), await claimsOf("dev@acme.test"))).not.toBeNull();
  });

  it("disabling an account ends its sessions; enabling it does not revive them", async () => {
    const claims = await claimsOf("agent@hostdesk.test");
    const admin = await callerFor("admin@hostdesk.test");
    await admin.users.update({ userId: claims.userId, disabled: true });
    expect(await loadActor(getDb(), claims)).toBeNull();
    await admin.users.update({ userId: claims.userId, disabled: false });
    expect(await loadActor(getDb(), claims)).toBeNull();
  });

  it("a role change takes effect on the next request without signing in again", async () => {
    const before = await actorFor("am@hostdesk.test");
    expect(before.roles).toEqual(["account_manager"]);
    const provider = before.memberships[0]!.orgId;
    await (await callerFor("admin@hostdesk.test")).users.setMembership({ userId: before.userId, orgId: provider, role: "engineer" });
    const after = await loadActor(getDb(), await claimsOf("am@hostdesk.test"));
    expect(after?.roles).toEqual(["engineer"]);
  });

  it("an admin can end another user's sessions; a customer cannot end their own org's", async () => {
    const claims = await claimsOf("owner@acme.test");
    await expect((await callerFor("dev@acme.test")).users.revokeSessions({ userId: claims.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await loadActor(getDb(), claims)).not.toBeNull();
    await (await callerFor("admin@hostdesk.test")).users.revokeSessions({ userId: claims.userId });
    expect(await loadActor(getDb(), claims)).toBeNull();
  });
});
