import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, orgs, outboundMail, tickets, users, vms } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { replyTokenOf, ticketThreadId } from "./mail-addresses";
import { applyContractsStartingOn } from "./recompute";

const orgId = async (slug: string) => (await getDb().select().from(orgs).where(eq(orgs.slug, slug)))[0]!.id;
const vmId = async (name: string) => (await getDb().select().from(vms).where(eq(vms.name, name)))[0]!.id;
const userId = async (email: string) => (await getDb().select().from(users).where(eq(users.email, email)))[0]!.id;
const userName = async (email: string) => (await getDb().select().from(users).where(eq(users.email, email)))[0]!.name;
const ticketRow = async (id: string) => (await getDb().select().from(tickets).where(eq(tickets.id, id)))[0]!;

async function fileAcmeTicket(subject = "Mail queue stuck on acme-mail01", priority: "normal" | "urgent" = "normal") {
  const customer = await callerFor("owner@acme.test");
  return customer.helpdesk.create({ orgId: await orgId("acme"), subject, body: "Outgoing mail has been queued for an hour.", priority, nodeIds: [await vmId("acme-mail01")] });
}

describe("filing a ticket", () => {
  it("starts the clock under the org's contract and puts the ticket in the desk's queue", async () => {
    const { ticketId, number } = await fileAcmeTicket();
    const agent = await callerFor("agent@hostdesk.test");
    const ticket = await agent.helpdesk.ticket({ ticketId });
    expect(ticket.number).toBe(number);
    expect(ticket.sla.source).toBe("contract v1");
    expect(ticket.sla.firstResponseDueAt).not.toBeNull();
    expect(ticket.links.map((l) => l.name)).toEqual(["acme-mail01"]);
    const queue = await agent.helpdesk.queue({ view: "unassigned" });
    expect(queue.rows.map((r) => r.id)).toContain(ticketId);
    // Sorted by the next deadline, paused and done tickets last.
    const dues = queue.rows.map((r) => (r.nextDueAt ? Date.parse(r.nextDueAt) : Infinity));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });

  it("refuses to link another org's VM, and writes nothing", async () => {
    const customer = await callerFor("owner@acme.test");
    const before = await databaseFingerprint();
    await expect(
      customer.helpdesk.create({ orgId: await orgId("acme"), subject: "Look at this", body: "Whose is this?", nodeIds: [await vmId("globex-app01")] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("replies, notes and the clock", () => {
  it("keeps internal notes from the customer: not in the ticket, not in search, not in mail", async () => {
    const { ticketId } = await fileAcmeTicket("Backups missing for acme-db02");
    const agent = await callerFor("agent@hostdesk.test");
    await agent.helpdesk.reply({ ticketId, body: "Suspect zebrafish misconfiguration on bk01.", visibility: "internal" });
    await agent.helpdesk.reply({ ticketId, body: "We are checking the backup server now." });

    const customer = await callerFor("owner@acme.test");
    const seen = await customer.helpdesk.ticket({ ticketId });
    expect(seen.messages.map((m) => m.bodyHtml).join("\n")).not.toContain("zebrafish");
    expect(seen.messages.every((m) => m.visibility === "public")).toBe(true);
    expect(seen.history).toEqual([]);
    expect((await customer.helpdesk.queue({ search: "zebrafish" })).rows).toEqual([]);
    expect((await agent.helpdesk.queue({ search: "zebrafish", view: "all" })).rows.map((r) => r.id)).toEqual([ticketId]);
    const mails = await getDb().select().from(outboundMail).where(eq(outboundMail.ticketId, ticketId));
    expect(mails.some((m) => m.body.includes("zebrafish"))).toBe(false);
    await expect(customer.helpdesk.reply({ ticketId, body: "sneaky", visibility: "internal" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("counts only staff's public reply as the first response, and mails it threaded with a reply address", async () => {
    const { ticketId } = await fileAcmeTicket("DNS for shop.acme.test");
    const agent = await callerFor("agent@hostdesk.test");
    await agent.helpdesk.reply({ ticketId, body: "Internal: check the zone.", visibility: "internal" });
    expect((await ticketRow(ticketId)).firstRespondedAt).toBeNull();
    await agent.helpdesk.reply({ ticketId, body: "The record is live now." });
    const row = await ticketRow(ticketId);
    expect(row.firstRespondedAt).not.toBeNull();
    expect(row.firstResponseDueAt).toBeNull();
    expect(row.status).toBe("open");
    const [mail] = await getDb()
      .select()
      .from(outboundMail)
      .where(and(eq(outboundMail.ticketId, ticketId), eq(outboundMail.toAddress, "owner@acme.test")))
      .orderBy(outboundMail.createdAt)
      .offset(1);
    expect(mail?.body).toContain("The record is live now.");
    expect(mail?.subject).toBe(`Re: [#${row.number}] DNS for shop.acme.test`);
    expect(replyTokenOf(mail!.replyTo!)).toBe(row.replyToken);
    expect(mail?.referencesHeader).toBe(ticketThreadId(ticketId));
  });

  it("pauses while waiting on the customer and owes a next reply once they answer", async () => {
    const { ticketId } = await fileAcmeTicket("Resize acme-cache01");
    const agent = await callerFor("agent@hostdesk.test");
    await agent.helpdesk.reply({ ticketId, body: "To how much memory?", status: "waiting_on_customer" });
    let row = await ticketRow(ticketId);
    expect(row).toMatchObject({ status: "waiting_on_customer", clockRunningSince: null, nextDueAt: null });
    const customer = await callerFor("owner@acme.test");
    await customer.helpdesk.reply({ ticketId, body: "16 GiB please." });
    row = await ticketRow(ticketId);
    expect(row.status).toBe("open");
    expect(row.clockRunningSince).not.toBeNull();
    expect(row.nextReplyDueAt).not.toBeNull();
  });

  it("recomputes deadlines when the priority changes, and records the change in the history", async () => {
    const { ticketId } = await fileAcmeTicket("Slow pages on acme-web02");
    const agent = await callerFor("agent@hostdesk.test");
    const normalDue = (await ticketRow(ticketId)).firstResponseDueAt!;
    await agent.helpdesk.update({ ticketId, priority: "urgent" });
    const urgentDue = (await ticketRow(ticketId)).firstResponseDueAt!;
    expect(urgentDue.getTime()).toBeLessThan(normalDue.getTime());
    const history = (await agent.helpdesk.ticket({ ticketId })).history;
    expect(history.find((h) => h.action === "ticket.update")).toMatchObject({ before: { priority: "normal" }, after: { priority: "urgent" } });
  });
});

describe("working the queue", () => {
  it("escalation moves a ticket to engineering, where engineers' default view finds it", async () => {
    const { ticketId } = await fileAcmeTicket("Kernel panic on acme-app01");
    const agent = await callerFor("agent@hostdesk.test");
    await agent.helpdesk.escalate({ ticketId, note: "Needs a look at the hypervisor logs." });
    const engineer = await callerFor("engineer@hostdesk.test");
    const view = await engineer.helpdesk.queue({});
    expect(view.view).toBe("escalated");
    expect(view.rows.map((r) => r.id)).toContain(ticketId);
    expect(view.rows.every((r) => r.level === "engineering")).toBe(true);
    expect((await agent.helpdesk.queue({ view: "team" })).rows.map((r) => r.id)).not.toContain(ticketId);
    await expect(agent.helpdesk.escalate({ ticketId, note: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("bulk actions change every chosen ticket or none", async () => {
    const a = await fileAcmeTicket("Bulk one");
    const b = await fileAcmeTicket("Bulk two");
    const agent = await callerFor("agent@hostdesk.test");
    const engineer = await userId("engineer@hostdesk.test");
    expect(await agent.helpdesk.bulkUpdate({ ticketIds: [a.ticketId, b.ticketId], assigneeId: engineer, addTags: ["mail"] })).toEqual({ updated: 2 });
    expect((await ticketRow(b.ticketId)).tags).toEqual(["mail"]);
    const opened = await agent.helpdesk.ticket({ ticketId: b.ticketId });
    expect(opened).toMatchObject({ orgName: "Acme", assigneeId: engineer, assigneeName: await userName("engineer@hostdesk.test"), requesterName: await userName("owner@acme.test") });
    const before = await databaseFingerprint();
    await expect(agent.helpdesk.bulkUpdate({ ticketIds: [a.ticketId, b.ticketId], assigneeId: await userId("owner@acme.test") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("merges a duplicate: its messages move over and it closes, pointing at the survivor", async () => {
    const first = await fileAcmeTicket("VPN down");
    const second = await fileAcmeTicket("VPN down again");
    const agent = await callerFor("agent@hostdesk.test");
    await agent.helpdesk.merge({ ticketId: second.ticketId, intoTicketId: first.ticketId });
    const survivor = await agent.helpdesk.ticket({ ticketId: first.ticketId });
    expect(survivor.messages.length).toBe(3);
    const duplicate = await agent.helpdesk.ticket({ ticketId: second.ticketId });
    expect(duplicate).toMatchObject({ status: "closed", mergedInto: { id: first.ticketId, number: survivor.number } });
    const customer = await callerFor("owner@acme.test");
    await expect(customer.helpdesk.reply({ ticketId: second.ticketId, body: "hello?" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets the customer rate a solved ticket, not an open one", async () => {
    const { ticketId } = await fileAcmeTicket("Certificate renewal");
    const customer = await callerFor("owner@acme.test");
    await expect(customer.helpdesk.rate({ ticketId, rating: 5 })).rejects.toMatchObject({ code: "CONFLICT" });
    const agent = await callerFor("agent@hostdesk.test");
    await agent.helpdesk.reply({ ticketId, body: "Renewed.", status: "solved" });
    await customer.helpdesk.rate({ ticketId, rating: 5, comment: "Quick, thanks" });
    expect((await agent.helpdesk.ticket({ ticketId })).satisfaction).toEqual({ rating: 5, comment: "Quick, thanks" });
    const audit = await getDb().select().from(auditEvents).where(and(eq(auditEvents.subjectId, ticketId), eq(auditEvents.action, "ticket.rate")));
    expect(audit).toHaveLength(1);
  });
});

describe("a new contract", () => {
  it("agreed for a later date, it is shown as upcoming and takes over the open tickets on its first day", async () => {
    const { ticketId } = await fileAcmeTicket("Waiting for the new terms");
    const am = await callerFor("am@hostdesk.test");
    const premium = (await am.sla.plans()).find((p) => p.name === "Premium")!;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const offered = await am.sla.createProposal({ orgId: await orgId("acme"), title: "Premium next", scenario: {}, terms: { ...premium.terms, startsOn: tomorrow } });
    await am.sla.acceptProposal({ proposalVersionId: offered.versionId });
    const contract = await (await callerFor("owner@acme.test")).sla.contract({ orgId: await orgId("acme") });
    expect(contract.current?.version).toBe(1);
    expect(contract.upcoming).toMatchObject({ version: 2, startsOn: tomorrow });
    expect((await ticketRow(ticketId)).slaSource).toBe("contract v1");

    const moved = await applyContractsStartingOn(getDb(), tomorrow, new Date(`${tomorrow}T00:05:00Z`));
    expect(moved).toBeGreaterThan(0);
    expect((await ticketRow(ticketId)).slaSource).toBe("contract v2");
  });

  it("moves the org's open tickets onto its targets at once", async () => {
    const { ticketId } = await fileAcmeTicket("Before the upgrade");
    expect((await ticketRow(ticketId)).slaSource).toBe("contract v1");
    const am = await callerFor("am@hostdesk.test");
    const premium = (await am.sla.plans()).find((p) => p.name === "Premium")!;
    const offered = await am.sla.createProposal({ orgId: await orgId("acme"), title: "Premium", scenario: {}, terms: premium.terms });
    const accepted = await am.sla.acceptProposal({ proposalVersionId: offered.versionId });
    const row = await ticketRow(ticketId);
    expect(row.slaSource).toBe(`contract v${accepted.version}`);
    // Premium answers normal tickets within 4 hours around the clock.
    expect(row.firstResponseDueAt!.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(4 * 3600_000 + 1000);
  });
});

describe("SLA compliance", () => {
  it("decides each target when it happens and reports the month's share met", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const quick = await fileAcmeTicket("Answered in time");
    await agent.helpdesk.reply({ ticketId: quick.ticketId, body: "Done.", status: "solved" });
    expect(await ticketRow(quick.ticketId)).toMatchObject({ firstResponseMet: true, resolutionMet: true });

    // A ticket whose clock has already run past every target (as if filed days ago).
    const late = await fileAcmeTicket("Answered late");
    await getDb().update(tickets).set({ clockConsumedMinutes: 100_000 }).where(eq(tickets.id, late.ticketId));
    await agent.helpdesk.reply({ ticketId: late.ticketId, body: "Sorry for the wait." });
    expect((await ticketRow(late.ticketId)).firstResponseMet).toBe(false);
    // Reopening a solved ticket leaves its resolution undecided again.
    await (await callerFor("owner@acme.test")).helpdesk.reply({ ticketId: quick.ticketId, body: "It broke again." });
    expect((await ticketRow(quick.ticketId)).resolutionMet).toBeNull();

    const months = await (await callerFor("owner@acme.test")).helpdesk.compliance({ orgId: await orgId("acme"), months: 3 });
    expect(months).toHaveLength(3);
    const current = months.at(-1)!;
    expect(current.month).toBe(new Date().toISOString().slice(0, 7));
    expect(current.firstResponsesMet).toBeLessThan(current.firstResponses);
    expect(current.firstResponsesMet).toBeGreaterThan(0);
    expect(current.medianFirstResponseMinutes).not.toBeNull();
    expect(months[0]!.tickets).toBe(0);
  });
});
