import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { orgs, tickets } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { closePgListener } from "./pg-listener";

afterAll(closePgListener);

const orgId = async (slug: string) => (await getDb().select().from(orgs).where(eq(orgs.slug, slug)))[0]!.id;

/** Collects what a subscription yields until `stop` aborts it. */
function collect<T>(stream: Promise<AsyncIterable<T>>, stop: AbortSignal): T[] {
  const seen: T[] = [];
  void (async () => {
    for await (const item of await stream) {
      seen.push(item);
      if (stop.aborted) return;
    }
  })().catch(() => undefined);
  return seen;
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
};

describe("live ticket events over LISTEN/NOTIFY", () => {
  it("reach the desk and the ticket's own org, never another org, and only after commit", async () => {
    const stop = new AbortController();
    const agentStream = collect((await callerFor("agent@hostdesk.test", undefined, stop.signal)).helpdesk.events(), stop.signal);
    const acmeStream = collect((await callerFor("owner@acme.test", undefined, stop.signal)).helpdesk.events(), stop.signal);
    const globexStream = collect((await callerFor("owner@globex.test", undefined, stop.signal)).helpdesk.events(), stop.signal);
    // Let the three subscriptions reach LISTEN before anything is sent.
    await new Promise((r) => setTimeout(r, 300));

    const customer = await callerFor("owner@acme.test");
    const { ticketId, number } = await customer.helpdesk.create({ orgId: await orgId("acme"), subject: "Live one", body: "Is anyone there?" });
    await until(() => agentStream.length > 0 && acmeStream.length > 0);
    expect(agentStream).toContainEqual({ ticketId, orgId: await orgId("acme"), number, kind: "created" });
    expect(acmeStream.map((e) => ("ticketId" in e ? e.ticketId : null))).toContain(ticketId);

    // A change that rolls back announces nothing.
    const before = agentStream.length;
    await expect(customer.helpdesk.create({ orgId: await orgId("acme"), subject: "Bad link", body: "x", nodeIds: ["00000000-0000-4000-8000-000000000000"] })).rejects.toBeTruthy();
    await new Promise((r) => setTimeout(r, 300));
    expect(agentStream.length).toBe(before);
    expect(globexStream).toEqual([]);
    stop.abort();
    expect((await getDb().select().from(tickets).where(eq(tickets.subject, "Bad link"))).length).toBe(0);
  });
});

describe("presence on a ticket", () => {
  it("shows each desk person who else has the ticket open, and what they are doing", async () => {
    const [ticket] = await getDb().select().from(tickets).limit(1);
    const stop = new AbortController();
    const agentSees = collect((await callerFor("agent@hostdesk.test", undefined, stop.signal)).helpdesk.presence({ ticketId: ticket!.id, activity: "viewing" }), stop.signal);
    await until(() => agentSees.length > 0);
    expect(agentSees.at(-1)).toEqual([]);

    const engineerStop = new AbortController();
    const engineerSees = collect((await callerFor("engineer@hostdesk.test", undefined, engineerStop.signal)).helpdesk.presence({ ticketId: ticket!.id, activity: "replying" }), engineerStop.signal);
    await until(() => (agentSees.at(-1) ?? []).length === 1);
    expect(agentSees.at(-1)).toEqual([expect.objectContaining({ name: "Erin Engineer", activity: "replying" })]);
    await until(() => (engineerSees.at(-1) ?? []).length === 1);
    expect(engineerSees.at(-1)).toEqual([expect.objectContaining({ name: "Alex Agent", activity: "viewing" })]);

    // The engineer leaves: the agent sees them go.
    engineerStop.abort();
    await until(() => (agentSees.at(-1) ?? [1]).length === 0);
    expect(agentSees.at(-1)).toEqual([]);
    stop.abort();
  });
});
