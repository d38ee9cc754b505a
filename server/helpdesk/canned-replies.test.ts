import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, cannedReplies } from "@/db/schema";
import { demoCannedReplies } from "@/db/seed/canned-replies";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { fillPlaceholders, placeholderValuesFor } from "./placeholders";

const trailOf = (id: string) =>
  getDb()
    .select({ action: auditEvents.action, actor: auditEvents.actorLabel, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "canned_reply"), eq(auditEvents.subjectId, id)))
    .orderBy(auditEvents.at);

describe("canned replies", () => {
  it("lists the seeded replies by title for desk staff", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const list = await engineer.canned.list();
    expect(list.map((r) => r.title)).toEqual(demoCannedReplies.map((r) => r.title).sort());
  });

  it("are created, edited and deleted by desk staff, each step audited with what changed", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const created = await agent.canned.create({ title: "  Reboot scheduled  ", body: "We will reboot {{ticket.subject}} tonight." });
    expect(created.title).toBe("Reboot scheduled");
    const updated = await agent.canned.update({ cannedReplyId: created.id, body: "We will reboot tonight at 22:00." });
    expect(updated).toMatchObject({ title: "Reboot scheduled", body: "We will reboot tonight at 22:00." });
    expect((await agent.canned.list()).map((r) => r.title)).toContain("Reboot scheduled");
    await agent.canned.delete({ cannedReplyId: created.id });
    expect(await getDb().select().from(cannedReplies).where(eq(cannedReplies.id, created.id))).toEqual([]);

    const trail = await trailOf(created.id);
    expect(trail.map((e) => e.action)).toEqual(["canned_reply.create", "canned_reply.update", "canned_reply.delete"]);
    expect(trail.every((e) => e.actor === "agent@hostdesk.test")).toBe(true);
    expect(trail[1]!.before).toMatchObject({ body: "We will reboot {{ticket.subject}} tonight." });
    expect(trail[2]!.before).toMatchObject({ title: "Reboot scheduled", body: "We will reboot tonight at 22:00." });
  });

  it("refuse a title that is taken, and a missing reply, changing nothing", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const before = await databaseFingerprint();
    await expect(agent.canned.create({ title: demoCannedReplies[0].title, body: "again" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Choose another title") });
    const missing = "00000000-0000-4000-8000-0000000000aa";
    await expect(agent.canned.update({ cannedReplyId: missing, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(agent.canned.delete({ cannedReplyId: missing })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(agent.canned.create({ title: "x", body: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("are the desk's alone: customers and account managers are refused", async () => {
    const before = await databaseFingerprint();
    for (const email of ["owner@acme.test", "am@hostdesk.test"]) {
      const caller = await callerFor(email);
      await expect(caller.canned.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.canned.create({ title: "Phish", body: "Send your password" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("fill from a real ticket: the seeded acknowledgement names the requester, the ticket and the contract's target", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const [{ rows }, replies] = await Promise.all([agent.helpdesk.queue({ view: "all", search: "checkout" }), agent.canned.list()]);
    const ticket = await agent.helpdesk.ticket({ ticketId: rows[0]!.id });
    const template = replies.find((r) => r.title === "Acknowledge and investigate")!.body;
    const filled = fillPlaceholders(template, placeholderValuesFor(ticket, "Alex Agent"));
    expect(filled).toContain(`Hello Olivia Owner,`);
    expect(filled).toContain(`ticket #${ticket.number} (“Checkout times out since 09:10”)`);
    expect(filled).toMatch(/we answer within \d+ (hours?|minutes?), day and night\./);
    expect(filled).toContain("Alex Agent, Hostdesk support");
    expect(filled).not.toContain("{{");
  });
});
