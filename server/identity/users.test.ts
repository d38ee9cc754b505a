import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, memberships, orgs, users } from "@/db/schema";
import { signInWithPassword } from "@/server/auth/sign-in";
import { actorFor, callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";

async function orgId(slug: string) {
  return (await getDb().select().from(orgs).where(eq(orgs.slug, slug)))[0]!.id;
}

describe("admin manages users and memberships", () => {
  it("creates a customer user with a temporary password that must be changed, audited in the same transaction", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    const created = await admin.users.create({ email: "New.Person@Acme.test", name: "New Person", orgId: await orgId("acme"), role: "member" });
    expect(created.email).toBe("new.person@acme.test");
    expect(created.temporaryPassword).toMatch(/^[\w-]{20,}$/);

    const signedIn = await signInWithPassword(getDb(), { email: "new.person@acme.test", password: created.temporaryPassword }, "127.0.0.1");
    expect(signedIn.id).toBe(created.id);
    const actor = await actorFor("new.person@acme.test");
    expect(actor.mustChangePassword).toBe(true);
    expect(actor.roles).toEqual(["member"]);

    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.subjectId, created.id), eq(auditEvents.action, "user.created")));
    expect(event?.actorLabel).toBe("admin@hostdesk.test");
    expect(JSON.stringify(event?.after)).not.toContain("password");
  });

  it("refuses a staff role in a customer org and a customer role in the provider org, changing nothing", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    const before = await databaseFingerprint();
    await expect(admin.users.create({ email: "x@acme.test", name: "X", orgId: await orgId("acme"), role: "agent" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("customer role"),
    });
    await expect(admin.users.create({ email: "y@hostdesk.test", name: "Y", orgId: await orgId("hostdesk"), role: "owner" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("answers a duplicate email with a clear conflict", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    await expect(admin.users.create({ email: "OWNER@acme.test", name: "Dup", orgId: await orgId("acme"), role: "member" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A user with that email already exists.",
    });
  });

  it("validates input with messages that say what to do", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    const error = await admin.users
      .create({ email: "not-an-email", name: "", orgId: await orgId("acme"), role: "member", password: "short" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("Enter a valid email address.");
    expect((error as TRPCError).message).toContain("Use at least 12 characters.");
  });

  it("adds, changes and removes memberships, each audited", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    const dev = await actorFor("dev@acme.test");
    const globex = await orgId("globex");
    await admin.users.setMembership({ userId: dev.userId, orgId: globex, role: "member" });
    await admin.users.setMembership({ userId: dev.userId, orgId: globex, role: "owner" });
    expect((await actorFor("dev@acme.test")).memberships.map((m) => `${m.orgName}:${m.role}`)).toEqual(["Acme:member", "Globex:owner"]);
    await admin.users.removeMembership({ userId: dev.userId, orgId: globex });
    const rows = await getDb().select().from(memberships).where(eq(memberships.userId, dev.userId));
    expect(rows).toHaveLength(1);
    const trail = await admin.audit.list({ subjectId: dev.userId });
    expect(trail.map((e) => e.action)).toEqual(["membership.removed", "membership.role_changed", "membership.added", "user.created"]);
  });

  it("keeps admins from locking themselves out", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    const me = await actorFor("admin@hostdesk.test");
    await expect(admin.users.update({ userId: me.userId, disabled: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.users.setMembership({ userId: me.userId, orgId: await orgId("hostdesk"), role: "agent" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("lets staff other than admins do none of it", async () => {
    for (const email of ["agent@hostdesk.test", "engineer@hostdesk.test", "am@hostdesk.test"]) {
      const staff = await callerFor(email);
      await expect(staff.users.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(staff.orgs.create({ name: "Shadow Org" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("changes one's own password only with the current one, and ends every session", async () => {
    const caller = await callerFor("owner@acme.test");
    await expect(caller.session.changePassword({ currentPassword: "wrong", newPassword: "correct-horse-battery" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await caller.session.changePassword({ currentPassword: "hostdesk-demo", newPassword: "correct-horse-battery" });
    const [user] = await getDb().select().from(users).where(eq(users.email, "owner@acme.test"));
    expect(user?.sessionVersion).toBe(2);
    await expect(signInWithPassword(getDb(), { email: "owner@acme.test", password: "correct-horse-battery" }, "127.0.0.1")).resolves.toMatchObject({
      email: "owner@acme.test",
    });
  });
});
