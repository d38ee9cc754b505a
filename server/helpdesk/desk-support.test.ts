import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { orgs } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { countedViews } from "./queue-counts";

const orgId = async (slug: string) => (await getDb().select().from(orgs).where(eq(orgs.slug, slug)))[0]!.id;

describe("finding a ticket by number", () => {
  it("gives desk staff the ticket's id and summary, and says when a number does not exist", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const { ticketId, number } = await agent.helpdesk.create({ orgId: await orgId("globex"), subject: "Certificate renewal", body: "Please renew the cert." });
    expect(await agent.helpdesk.lookup({ number })).toMatchObject({ id: ticketId, number, subject: "Certificate renewal", orgName: "Globex", status: "new", mergedIntoId: null });
    await expect(agent.helpdesk.lookup({ number: number + 10_000 })).rejects.toMatchObject({ code: "NOT_FOUND", message: `Ticket #${number + 10_000} was not found.` });
    await expect((await callerFor("owner@globex.test")).helpdesk.lookup({ number })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("a ticket's deadlines on the desk", () => {
  it("lists each deadline with the business time left, and pauses while waiting on the customer", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const { ticketId } = await agent.helpdesk.create({ orgId: await orgId("acme"), subject: "Slow backups", body: "Backups take all night.", priority: "high" });
    const fresh = await agent.helpdesk.deadlines({ ticketId });
    expect(fresh.source).toBe("contract v1");
    expect(fresh.paused).toBe(false);
    const [first, nextReply, resolution] = fresh.rows;
    expect(first).toMatchObject({ kind: "first_response", state: expect.stringMatching(/on_track|due_soon/) });
    expect(first!.dueAt).toBeInstanceOf(Date);
    // Business time left never exceeds the target, and the first response falls before resolution.
    expect(first!.minutesLeft).toBeGreaterThan(0);
    expect(first!.minutesLeft).toBeLessThanOrEqual(first!.targetMinutes);
    expect(nextReply).toMatchObject({ kind: "next_reply", dueAt: null, state: "not_due" });
    expect(resolution!.minutesLeft).toBeGreaterThanOrEqual(first!.minutesLeft!);

    await agent.helpdesk.reply({ ticketId, body: "Which backup job?", status: "waiting_on_customer" });
    const waiting = await agent.helpdesk.deadlines({ ticketId });
    expect(waiting.paused).toBe(true);
    expect(waiting.rows.map((r) => r.state)).toEqual(["met", "paused", "paused"]);
    expect(waiting.rows[2]!.minutesLeft).toBeGreaterThan(0);
    expect(waiting.rows[2]!.dueAt).toBeNull();
  });
});

describe("queue counts", () => {
  it("count each working view as the queue lists it", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const counts = await engineer.helpdesk.queueCounts();
    expect(Object.keys(counts).sort()).toEqual([...countedViews].sort());
    for (const view of countedViews) {
      const listed = await engineer.helpdesk.queue({ view, pageSize: 200 });
      expect(counts[view], view).toEqual({ total: listed.total, capped: false });
    }
    expect(counts.escalated.total).toBeGreaterThanOrEqual(1);
  });
});

describe("previewing a draft", () => {
  it("renders it exactly as a stored message would be, raw HTML shown as text", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const { html } = await agent.helpdesk.preview({ body: "**Restarted** `nginx`\n\n<script>alert(1)</script>" });
    expect(html).toBe("<p><strong>Restarted</strong> <code>nginx</code></p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  });
});
