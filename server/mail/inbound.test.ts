/**
 * Inbound mail end to end: a real SMTP server on a free loopback port, mail sent to it with
 * nodemailer, and what lands in the database (tickets, messages, quarantine, outbox) checked.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import type { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, inboundQuarantine, orgs, outboundMail, ticketAttachments, ticketMessages, tickets } from "@/db/schema";
import { messageMailId, replyAddressFor, SUPPORT_ADDRESS, ticketThreadId } from "@/server/helpdesk/mail-addresses";
import { callerFor } from "@/server/testing/actors";
import { closeServer, createInboundServer, listen } from "./inbound-server";
import { refusalOf, sendTo } from "./testing";

const MAX_BYTES = 256 * 1024;
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = createInboundServer({ db: getDb(), maxBytes: MAX_BYTES });
  port = await listen(server, 0, "127.0.0.1");
});
afterAll(() => closeServer(server));

const db = () => getDb();
const newMessageId = () => `<${randomUUID()}@mail.customer.test>`;
const acmeOrgId = async () => (await db().select().from(orgs).where(eq(orgs.slug, "acme")))[0]!.id;
const ticketById = async (id: string) => (await db().select().from(tickets).where(eq(tickets.id, id)))[0]!;
const messagesOf = (ticketId: string) => db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(ticketMessages.createdAt);
const outboxCount = async () => (await db().select({ n: count() }).from(outboundMail))[0]!.n;
const messageCount = async () => (await db().select({ n: count() }).from(ticketMessages))[0]!.n;
const quarantined = (messageId: string) => db().select().from(inboundQuarantine).where(eq(inboundQuarantine.messageIdHeader, messageId));

async function ticketByMail(messageId: string) {
  const [message] = await db().select().from(ticketMessages).where(eq(ticketMessages.emailMessageId, messageId));
  return message ? ticketById(message.ticketId) : null;
}

/** An Acme ticket opened by mail, to reply to. */
async function acmeTicketByMail(subject: string) {
  const messageId = newMessageId();
  await sendTo(port, { from: "Olivia Owner <owner@acme.test>", to: SUPPORT_ADDRESS, subject, text: "It broke.", messageId });
  return (await ticketByMail(messageId))!;
}

describe("new mail", () => {
  it("opens a ticket for the org of a known customer address, acknowledged by mail", async () => {
    const messageId = newMessageId();
    const response = await sendTo(port, { from: "Olivia Owner <OWNER@acme.test>", to: SUPPORT_ADDRESS, subject: "Disk full on acme-db01", text: "The disk is at 100 %.\n\nOlivia", messageId });
    expect(response).toMatch(/^250 .*new ticket/);

    const ticket = (await ticketByMail(messageId))!;
    expect(ticket.orgId).toBe(await acmeOrgId());
    expect(ticket.subject).toBe("Disk full on acme-db01");
    expect(ticket.requesterEmail).toBe("owner@acme.test");
    const [message] = await messagesOf(ticket.id);
    expect(message).toMatchObject({ channel: "email", authorKind: "customer", authorEmail: "owner@acme.test", visibility: "public", body: "The disk is at 100 %.\n\nOlivia" });
    const acks = await db().select().from(outboundMail).where(eq(outboundMail.ticketId, ticket.id));
    expect(acks.map((m) => m.toAddress)).toEqual(["owner@acme.test"]);
    // The desk sees it in its queue like any other ticket.
    const agent = await callerFor("agent@hostdesk.test");
    expect((await agent.helpdesk.ticket({ ticketId: ticket.id })).subject).toBe("Disk full on acme-db01");
  });

  it("stores HTML-only mail as text, without tags", async () => {
    const messageId = newMessageId();
    const html = `<html><head><style>p { color: red }</style></head><body><p>Hello <b>support</b>,</p><p>our <a href="https://shop.acme.test">shop</a> is down.<br>Please help &amp; hurry.</p><script>alert(1)</script></body></html>`;
    await sendTo(port, { from: "owner@acme.test", to: SUPPORT_ADDRESS, subject: "Shop down", html, messageId });
    const ticket = (await ticketByMail(messageId))!;
    const [message] = await messagesOf(ticket.id);
    expect(message!.body).toContain("Hello support,");
    expect(message!.body).toContain("is down.");
    expect(message!.body).toContain("Please help & hurry.");
    expect(message!.body).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(message!.body).not.toContain("alert(1)");
    expect(message!.body).not.toContain("color: red");
  });

  it("keeps the files a ticket accepts on the message, and names the ones it does not", async () => {
    const messageId = newMessageId();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await sendTo(port, {
      from: "owner@acme.test",
      to: SUPPORT_ADDRESS,
      subject: "Errors in the log",
      text: "Log and screenshot attached.",
      messageId,
      attachments: [
        { filename: "nginx-error.log", content: "2025/06/01 upstream timed out\n", contentType: "text/plain" },
        { filename: "screen.png", content: png, contentType: "image/png" },
        { filename: "tool.exe", content: Buffer.from([0x4d, 0x5a, 0, 0, 0, 1, 2, 3]), contentType: "application/octet-stream" },
      ],
    });
    const ticket = (await ticketByMail(messageId))!;
    const [message] = await messagesOf(ticket.id);
    expect(message!.body).toBe("Log and screenshot attached.\n\n[Not attached from the mail: tool.exe (not a kind of file we accept).]");
    const files = await db().select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, ticket.id)).orderBy(ticketAttachments.fileName);
    expect(files.map((f) => [f.fileName, f.contentType, f.messageId])).toEqual([
      ["nginx-error.log", "text/x-log", message!.id],
      ["screen.png", "image/png", message!.id],
    ]);
    // The customer sees them on their ticket, as if uploaded in the portal.
    const customer = await callerFor("owner@acme.test");
    expect(JSON.stringify(await customer.helpdesk.ticket({ ticketId: ticket.id }))).toContain("screen.png");
  });

  it("puts mail from an unknown sender in the quarantine, with the reason, and answers nobody", async () => {
    const [outboxBefore, messagesBefore] = [await outboxCount(), await messageCount()];
    const messageId = newMessageId();
    const attachments = [{ filename: "price-list.pdf", content: Buffer.from("%PDF-1.4 …"), contentType: "application/pdf" }];
    const response = await sendTo(port, { from: "stranger@elsewhere.test", to: SUPPORT_ADDRESS, subject: "Buy our SEO", text: "Cheap!", messageId, attachments });
    expect(response).toMatch(/^250 .*held for review/);
    const [held] = await quarantined(messageId);
    // Files need a ticket to belong to: the held mail says what it carried.
    const body = "Cheap!\n\n[The mail carried a file, not kept while it is held: price-list.pdf. Ask the sender to send it again.]";
    expect(held).toMatchObject({ fromAddress: "stranger@elsewhere.test", subject: "Buy our SEO", body, resolvedAt: null });
    expect(held!.reason).toMatch(/Unknown sender/);
    expect(await outboxCount()).toBe(outboxBefore);
    expect(await messageCount()).toBe(messagesBefore);
  });

  it("refuses recipients other than the support address at RCPT, with a clear 550", async () => {
    const refusal = await refusalOf(port, { from: "owner@acme.test", to: "sales@hostdesk.test", subject: "Hello", text: "?" });
    expect(refusal?.code).toBe(550);
    expect(refusal?.response).toContain(SUPPORT_ADDRESS);
    expect((await refusalOf(port, { from: "owner@acme.test", to: "support@elsewhere.test", subject: "Hello", text: "?" }))?.code).toBe(550);
  });
});

describe("replies", () => {
  it("threads a reply by the ticket's reply address, as the member who wrote it, without the quoted history", async () => {
    const ticket = await acmeTicketByMail("VPN drops every hour");
    const messageId = newMessageId();
    const text = "Still happening after the update.\n\nOn Tue, 3 Jun 2025 at 10:00, Hostdesk Support <support@hostdesk.test> wrote:\n> We changed the keepalive.\n> Please check.\n";
    const response = await sendTo(port, { from: "Dev Developer <dev@acme.test>", to: replyAddressFor(ticket.replyToken), subject: `Re: [#${ticket.number}] VPN drops every hour`, text, messageId });
    expect(response).toMatch(/^250 .*added to the ticket/);

    const messages = await messagesOf(ticket.id);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ body: "Still happening after the update.", channel: "email", authorEmail: "dev@acme.test", emailMessageId: messageId, visibility: "public" });
  });

  it("threads a reply by References when the reply address was lost, and reopens a solved ticket", async () => {
    const ticket = await acmeTicketByMail("Certificate expired");
    const agent = await callerFor("agent@hostdesk.test");
    const { messageId: staffMessage } = await agent.helpdesk.reply({ ticketId: ticket.id, body: "Renewed it.", status: "solved" });
    const messageId = newMessageId();
    await sendTo(port, {
      from: "owner@acme.test",
      to: SUPPORT_ADDRESS,
      subject: "Re: Certificate expired",
      text: "The browser still warns.",
      messageId,
      inReplyTo: messageMailId(staffMessage),
      references: [ticketThreadId(ticket.id), messageMailId(staffMessage)],
    });
    const messages = await messagesOf(ticket.id);
    expect(messages.at(-1)).toMatchObject({ body: "The browser still warns.", emailMessageId: messageId });
    expect((await ticketById(ticket.id)).status).toBe("open");
  });

  it("takes a redelivered mail once", async () => {
    const ticket = await acmeTicketByMail("Backups slow");
    const mail = { from: "owner@acme.test", to: replyAddressFor(ticket.replyToken), subject: "Re: Backups slow", text: "Any news?", messageId: newMessageId() };
    await sendTo(port, mail);
    const [outboxBefore] = [await outboxCount()];
    const again = await sendTo(port, mail);
    expect(again).toMatch(/^250 .*already received/);
    expect((await messagesOf(ticket.id)).filter((m) => m.body === "Any news?")).toHaveLength(1);
    expect(await outboxCount()).toBe(outboxBefore);

    // The same for a mail that opened a ticket, and for one that was quarantined.
    const opening = { from: "owner@acme.test", to: SUPPORT_ADDRESS, subject: "Once only", text: "One ticket please.", messageId: newMessageId() };
    await sendTo(port, opening);
    await sendTo(port, opening);
    expect(await db().select().from(tickets).where(eq(tickets.subject, "Once only"))).toHaveLength(1);
    const stranger = { from: "nobody@elsewhere.test", to: SUPPORT_ADDRESS, subject: "Twice", text: "x", messageId: newMessageId() };
    await sendTo(port, stranger);
    await sendTo(port, stranger);
    expect(await quarantined(stranger.messageId)).toHaveLength(1);
  });

  it("holds a reply from someone outside the ticket's org, even with the right reply address", async () => {
    const ticket = await acmeTicketByMail("Firewall rule");
    const messageId = newMessageId();
    await sendTo(port, { from: "owner@globex.test", to: replyAddressFor(ticket.replyToken), subject: "Re: Firewall rule", text: "Close it", messageId });
    expect(await messagesOf(ticket.id)).toHaveLength(1);
    const [held] = await quarantined(messageId);
    expect(held!.reason).toContain(`ticket #${ticket.number}`);
    expect(held!.reason).toContain("not a member of Acme");
  });

  it("opens a follow-up ticket for a reply to a closed ticket instead of losing it", async () => {
    const ticket = await acmeTicketByMail("Old problem");
    const agent = await callerFor("agent@hostdesk.test");
    await agent.helpdesk.update({ ticketId: ticket.id, status: "closed" });
    const messageId = newMessageId();
    await sendTo(port, { from: "owner@acme.test", to: replyAddressFor(ticket.replyToken), subject: `Re: [#${ticket.number}] Old problem`, text: "It is back.", messageId });
    const followUp = (await ticketByMail(messageId))!;
    expect(followUp.id).not.toBe(ticket.id);
    expect(followUp.subject).toBe("Old problem");
    expect((await messagesOf(followUp.id))[0]!.body).toBe(`Follow-up to closed ticket #${ticket.number}.\n\nIt is back.`);
  });

  it("holds a mail the help desk refuses, instead of answering 4xx until the MTA gives up", async () => {
    const ticket = await acmeTicketByMail("Merge knot");
    // A state replyToTicket refuses (a ticket merged into itself): the mail must still not be lost.
    await db().update(tickets).set({ mergedIntoId: ticket.id }).where(eq(tickets.id, ticket.id));
    const messageId = newMessageId();
    expect(await sendTo(port, { from: "owner@acme.test", to: replyAddressFor(ticket.replyToken), subject: "Re: Merge knot", text: "Hello?", messageId })).toMatch(/held for review/);
    const [held] = await quarantined(messageId);
    expect(held!.reason).toBe(`Could not be added to ticket #${ticket.number}: This ticket was merged into another; reply there.`);
    expect(await messagesOf(ticket.id)).toHaveLength(1);
  });
});

describe("automatic mail", () => {
  it("records auto-replies and bounces, never adds them to tickets and never answers them", async () => {
    const ticket = await acmeTicketByMail("Mail loop check");
    const [outboxBefore, messagesBefore] = [await outboxCount(), await messageCount()];
    const to = replyAddressFor(ticket.replyToken);
    const vacation = { from: "owner@acme.test", to, subject: "Out of office", text: "I am away.", messageId: newMessageId(), headers: { "Auto-Submitted": "auto-replied" } };
    const bulk = { from: "owner@acme.test", to, subject: "Newsletter", text: "News", messageId: newMessageId(), headers: { Precedence: "bulk" } };
    const exchange = { from: "owner@acme.test", to: SUPPORT_ADDRESS, subject: "Automatic reply: hi", text: "Away", messageId: newMessageId(), headers: { "X-Auto-Response-Suppress": "All" } };
    const bounce = { envelope: { from: "", to: [SUPPORT_ADDRESS] }, from: "Mail Delivery System <MAILER-DAEMON@mx.acme.test>", subject: "Undelivered Mail Returned to Sender", text: "User unknown", messageId: newMessageId() };
    for (const mail of [vacation, bulk, exchange, bounce]) expect(await sendTo(port, mail)).toMatch(/^250 .*automatic mail, not answered/);

    expect(await messageCount()).toBe(messagesBefore);
    expect(await outboxCount()).toBe(outboxBefore);
    for (const mail of [vacation, bulk, exchange, bounce]) {
      const [record] = await quarantined(mail.messageId);
      expect(record!.resolvedAt).not.toBeNull();
      expect(record!.reason).toMatch(/^Not answered: /);
    }
    expect((await quarantined(bounce.messageId))[0]!.reason).toContain("null sender");
  });
});

describe("refused mail", () => {
  it("refuses malformed and oversized mail with a proper SMTP error and keeps serving the next session", async () => {
    const garbage = await refusalOf(port, { envelope: { from: "someone@elsewhere.test", to: [SUPPORT_ADDRESS] }, raw: "\u0000\u0001 this is not a mail at all\r\n\r\n\u00ff" });
    expect(garbage?.code).toBe(554);
    expect(garbage?.response).toMatch(/From header/);

    const oversized = await refusalOf(port, { from: "owner@acme.test", to: SUPPORT_ADDRESS, subject: "Huge log", text: "x".repeat(MAX_BYTES + 1024) });
    expect(oversized?.code).toBe(552);
    expect(oversized?.response).toMatch(/too big|exceeds/i);

    const messageId = newMessageId();
    expect(await sendTo(port, { from: "owner@acme.test", to: SUPPORT_ADDRESS, subject: "After the junk", text: "Still there?", messageId })).toMatch(/^250 /);
    expect(await ticketByMail(messageId)).not.toBeNull();
  });

  it("answers 451 when the database fails, so the MTA tries again, and keeps nothing half-done", async () => {
    const broken = createInboundServer({
      db: new Proxy(getDb(), { get: (target, key) => (key === "transaction" ? () => Promise.reject(new Error("database down")) : Reflect.get(target, key)) }),
      maxBytes: MAX_BYTES,
    });
    const brokenPort = await listen(broken, 0, "127.0.0.1");
    try {
      const messageId = newMessageId();
      const refusal = await refusalOf(brokenPort, { from: "owner@acme.test", to: SUPPORT_ADDRESS, subject: "During the outage", text: "Hello?", messageId });
      expect(refusal?.code).toBe(451);
      expect(await ticketByMail(messageId)).toBeNull();
    } finally {
      await closeServer(broken);
    }
  });
});

describe("the quarantine on the desk", () => {
  it("releases a held mail into a new ticket for the chosen org, with the sender as requester, and drops another", async () => {
    const kept = { from: "Newcomer <new.admin@acme.test>", to: SUPPORT_ADDRESS, subject: "I am Acme's new admin", text: "Please add me.", messageId: newMessageId() };
    const spam = { from: "spam@elsewhere.test", to: SUPPORT_ADDRESS, subject: "Win", text: "Prize", messageId: newMessageId() };
    await sendTo(port, kept);
    await sendTo(port, spam);
    const agent = await callerFor("agent@hostdesk.test");
    const open = await agent.mail.quarantine({ state: "open" });
    const keptRow = open.find((row) => row.subject === kept.subject)!;
    const spamRow = open.find((row) => row.subject === spam.subject)!;

    const released = await agent.mail.release({ quarantineId: keptRow.id, orgId: await acmeOrgId() });
    const ticket = await ticketById(released.ticketId);
    expect(ticket).toMatchObject({ orgId: await acmeOrgId(), requesterEmail: "new.admin@acme.test", requesterId: null, subject: kept.subject });
    expect((await messagesOf(ticket.id))[0]).toMatchObject({ body: "Please add me.", authorEmail: "new.admin@acme.test", authorKind: "customer", channel: "email", emailMessageId: kept.messageId });
    // Staff decide whether to write to a stranger: releasing sends nothing.
    expect(await db().select().from(outboundMail).where(eq(outboundMail.ticketId, ticket.id))).toEqual([]);
    await expect(agent.mail.release({ quarantineId: keptRow.id, orgId: await acmeOrgId() })).rejects.toMatchObject({ code: "CONFLICT" });
    // A redelivery of the released mail is recognised.
    expect(await sendTo(port, kept)).toMatch(/already received/);

    await agent.mail.drop({ quarantineId: spamRow.id });
    const resolved = await agent.mail.quarantine({ state: "resolved" });
    expect(resolved.find((row) => row.id === spamRow.id)?.releasedTicketId).toBeNull();
    expect(resolved.find((row) => row.id === keptRow.id)?.releasedTicketNumber).toBe(ticket.number);
    expect((await agent.mail.quarantine({ state: "open" })).map((row) => row.id)).not.toContain(spamRow.id);

    const provider = (await db().select().from(orgs).where(eq(orgs.kind, "provider")))[0]!;
    const other = { ...spam, messageId: newMessageId(), subject: "Another" };
    await sendTo(port, other);
    const [otherRow] = await quarantined(other.messageId);
    await expect(agent.mail.release({ quarantineId: otherRow!.id, orgId: provider.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const audit = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(inArray(auditEvents.action, ["mail.quarantine_released", "mail.quarantine_dropped"]), eq(auditEvents.actorLabel, "agent@hostdesk.test")));
    expect(audit.map((a) => a.action).sort()).toEqual(["mail.quarantine_dropped", "mail.quarantine_released"]);
  });
});
