/**
 * Outbound delivery through the real queue: ticket changes write the outbox and queue jobs, the
 * worker's tasks run them (graphile-worker's runOnce) against a capturing SMTP server set as SMTP_URL.
 */
import { eq } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, getDb, getPool } from "@/db/client";
import { orgs, outboundMail, tickets } from "@/db/schema";
import { replyAddressFor, SUPPORT_ADDRESS, ticketThreadId } from "@/server/helpdesk/mail-addresses";
import { callerFor } from "@/server/testing/actors";
import { queueLogger } from "@/server/worker/queue-logger";
import { taskList } from "@/server/worker/tasks";
import { deliverOutboundMail, MAX_DELIVERY_ATTEMPTS } from "./delivery";
import { requeueStrandedMail } from "./tasks";
import { startCapture } from "./testing";
import { closeMailTransports, mailTransport } from "./transport";

let capture: Awaited<ReturnType<typeof startCapture>>;
// Addresses the capture refuses: a full mailbox for a while (4xx), an unknown user for good (5xx).
const refusals = new Map<string, { code: number; message: string }>();

beforeAll(async () => {
  capture = await startCapture((recipient) => refusals.get(recipient) ?? null);
});
afterEach(() => {
  delete process.env.SMTP_URL;
  closeMailTransports();
});
afterAll(() => capture.close());

const db = () => getDb();
const runWorker = () => runOnce({ connectionString: databaseUrl(), taskList, logger: queueLogger });
const mailsOf = (ticketId: string) => db().select().from(outboundMail).where(eq(outboundMail.ticketId, ticketId)).orderBy(outboundMail.createdAt);
const capturedFor = (ticketId: string) => capture.captured.filter((c) => c.parsed.references === ticketThreadId(ticketId) || [c.parsed.references].flat().includes(ticketThreadId(ticketId)));

async function acmeTicket(subject: string) {
  const [acme] = await db().select().from(orgs).where(eq(orgs.slug, "acme"));
  const customer = await callerFor("owner@acme.test");
  const { ticketId } = await customer.helpdesk.create({ orgId: acme!.id, subject, body: "Please look." });
  return (await db().select().from(tickets).where(eq(tickets.id, ticketId)))[0]!;
}

describe("outbound delivery", () => {
  it("keeps mail in the outbox while SMTP_URL is unset", async () => {
    const ticket = await acmeTicket("No relay configured");
    await runWorker();
    const [ack] = await mailsOf(ticket.id);
    expect(ack).toMatchObject({ sentAt: null, attempts: 0, lastError: null });
    expect(capturedFor(ticket.id)).toEqual([]);
    expect(await deliverOutboundMail(db(), ack!.id, mailTransport())).toBe("outbox");
  });

  it("sends each mail once, with threading headers, marks it sent, and never mails an internal note", async () => {
    process.env.SMTP_URL = capture.url;
    const ticket = await acmeTicket("Threading check");
    const agent = await callerFor("agent@hostdesk.test");
    await agent.helpdesk.reply({ ticketId: ticket.id, body: "Suspect the walrus-7 misconfiguration on bk01.", visibility: "internal" });
    const { messageId } = await agent.helpdesk.reply({ ticketId: ticket.id, body: "We are on it." });
    await runWorker();

    const sent = capturedFor(ticket.id);
    expect(sent).toHaveLength(2);
    const [ack, reply] = [sent.find((c) => c.parsed.messageId === `<ack-${ticket.id}@hostdesk.test>`)!, sent.find((c) => c.parsed.messageId === `<message-${messageId}@hostdesk.test>`)!];
    for (const mail of [ack, reply]) {
      expect(mail.to).toEqual(["owner@acme.test"]);
      expect(mail.envelopeFrom).toBe(SUPPORT_ADDRESS);
      expect(mail.parsed.inReplyTo).toBe(ticketThreadId(ticket.id));
      expect(mail.parsed.references).toBe(ticketThreadId(ticket.id));
      expect(mail.parsed.replyTo?.value[0]?.address).toBe(replyAddressFor(ticket.replyToken));
      expect(mail.parsed.from?.value[0]?.address).toBe(SUPPORT_ADDRESS);
    }
    // The acknowledgement is automatic and says so; a person's reply does not.
    expect(ack.parsed.headers.get("auto-submitted")).toBe("auto-replied");
    expect(reply.parsed.headers.get("auto-submitted")).toBeUndefined();
    expect(reply.parsed.subject).toBe(`Re: [#${ticket.number}] Threading check`);
    expect(reply.parsed.text).toContain("We are on it.");
    expect(capture.captured.some((c) => c.raw.includes("walrus-7"))).toBe(false);

    const rows = await mailsOf(ticket.id);
    expect(rows.every((row) => row.sentAt !== null && row.attempts === 1 && row.lastError === null)).toBe(true);

    // Running again, or a stray second job, sends nothing more.
    await runWorker();
    for (const row of rows) expect(await deliverOutboundMail(db(), row.id, mailTransport())).toBe("skipped");
    expect(capturedFor(ticket.id)).toHaveLength(2);
  });

  it("queues mail written while SMTP_URL was unset once it is set (the safety net)", async () => {
    const ticket = await acmeTicket("Written before the relay");
    await runWorker();
    expect((await mailsOf(ticket.id))[0]!.sentAt).toBeNull();
    expect(await requeueStrandedMail()).toBe(0);
    process.env.SMTP_URL = capture.url;
    expect(await requeueStrandedMail()).toBeGreaterThan(0);
    // A mail that already has its job is not queued twice.
    expect(await requeueStrandedMail()).toBe(0);
    await runWorker();
    expect((await mailsOf(ticket.id))[0]!.sentAt).not.toBeNull();
    expect(capturedFor(ticket.id)).toHaveLength(1);
  });

  it("sends a mail once when two workers pick it up at the same moment", async () => {
    process.env.SMTP_URL = capture.url;
    const ticket = await acmeTicket("Race check");
    const [ack] = await mailsOf(ticket.id);
    const results = await Promise.all([deliverOutboundMail(db(), ack!.id, mailTransport()), deliverOutboundMail(db(), ack!.id, mailTransport())]);
    expect(results.sort()).toEqual(["sent", "skipped"]);
    expect(capturedFor(ticket.id)).toHaveLength(1);
  });

  it("counts failed attempts and backs off on a temporary refusal, gives up on a permanent one, and staff can retry", async () => {
    process.env.SMTP_URL = capture.url;
    refusals.set("owner@acme.test", { code: 452, message: "4.2.2 Mailbox full" });
    const ticket = await acmeTicket("Retry check");
    await runWorker();
    let [ack] = await mailsOf(ticket.id);
    expect(ack).toMatchObject({ sentAt: null, attempts: 1 });
    expect(ack!.lastError).toContain("Mailbox full");
    // graphile-worker holds the job back for its backoff before the next attempt.
    // (runOnce may resolve a moment before the failure is written back to the job, so wait for that.)
    await expect
      .poll(async () => (await getPool().query("select locked_at is null and run_at > now() as later, attempts from graphile_worker.jobs where key = $1", [`outbound_mail:${ack!.id}`])).rows[0])
      .toMatchObject({ later: true, attempts: 1 });

    refusals.set("owner@acme.test", { code: 550, message: "5.1.1 No such user" });
    expect(await deliverOutboundMail(db(), ack!.id, mailTransport())).toBe("failed");
    [ack] = await mailsOf(ticket.id);
    expect(ack!.attempts).toBe(MAX_DELIVERY_ATTEMPTS);
    expect(ack!.lastError).toMatch(/Refused for good .* attempt 2: .*No such user/);
    const agent = await callerFor("agent@hostdesk.test");
    const failed = await agent.mail.outbox({ state: "failed" });
    expect(failed.rows.find((row) => row.id === ack!.id)?.state).toBe("failed");

    refusals.delete("owner@acme.test");
    await agent.mail.retry({ mailId: ack!.id });
    await runWorker();
    [ack] = await mailsOf(ticket.id);
    expect(ack!.sentAt).not.toBeNull();
    expect(capturedFor(ticket.id)).toHaveLength(1);
    await expect(agent.mail.retry({ mailId: ack!.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lists the outbox for the desk, newest first, with each mail's state", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const outbox = await agent.mail.outbox({ state: "all", limit: 200 });
    expect(outbox.deliveryConfigured).toBe(false);
    expect(outbox.rows.length).toBeGreaterThan(0);
    const times = outbox.rows.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The demo seed's tickets wrote mail too (the outbox the desk page shows on a fresh install).
    expect(outbox.rows.some((row) => row.subject.includes("Can we get a second staging VM?"))).toBe(true);
    expect(outbox.rows.every((row) => (row.state === "sent") === (row.sentAt !== null))).toBe(true);
    const sent = await agent.mail.outbox({ state: "sent" });
    expect(sent.rows.length).toBeGreaterThan(0);
    expect(sent.rows.every((row) => row.state === "sent")).toBe(true);
  });
});
