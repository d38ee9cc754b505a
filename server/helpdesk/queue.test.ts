import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { orgs, ticketLinks, tickets, users, vms } from "@/db/schema";
import { loadActor, type Actor } from "@/server/auth/actor";
import { callerFor } from "@/server/testing/actors";
import { deadlineState } from "./deadline-state";
import { listQueue } from "./queue";
import { queueViews, type QueueView } from "./schemas";

/**
 * The queue against an oracle: every view, alone and with each filter, for staff and for a customer,
 * must list exactly the tickets that a plain reading of the table says match. Each shape of request
 * is a statement kept prepared (db/prepared.ts), so every shape runs more than once here.
 */

type Row = typeof tickets.$inferSelect & { nodeIds: string[] };
type Filters = { orgId?: string; priority?: "low" | "normal" | "high" | "urgent"; status?: Row["status"]; tag?: string; nodeId?: string };

const orgId = async (slug: string) => (await getDb().select().from(orgs).where(eq(orgs.slug, slug)))[0]!.id;
const vmId = async (name: string) => (await getDb().select().from(vms).where(eq(vms.name, name)))[0]!.id;

async function actorOf(email: string): Promise<Actor> {
  const [user] = await getDb().select().from(users).where(eq(users.email, email));
  return (await loadActor(getDb(), { userId: user!.id, sessionVersion: user!.sessionVersion }))!;
}

async function everyTicket(): Promise<Row[]> {
  const links = await getDb().select().from(ticketLinks);
  return (await getDb().select().from(tickets)).map((t) => ({ ...t, nodeIds: links.filter((l) => l.ticketId === t.id).map((l) => l.nodeId) }));
}

const isOpen = (t: Row) => !["solved", "closed"].includes(t.status) && t.mergedIntoId === null;

function inView(view: QueueView, t: Row, actor: Actor, now: Date): boolean {
  const engineerOnly = actor.roles.includes("engineer") && !actor.roles.includes("admin");
  switch (view) {
    case "open":
      return isOpen(t);
    case "unassigned":
      return isOpen(t) && t.assigneeId === null;
    case "mine":
      return isOpen(t) && t.assigneeId === actor.userId;
    case "team":
      return isOpen(t) && t.level === (engineerOnly ? "engineering" : "support");
    case "escalated":
      return isOpen(t) && t.level === "engineering";
    case "due_soon":
      return isOpen(t) && t.nextWarnAt !== null && t.nextWarnAt <= now && t.nextDueAt !== null && t.nextDueAt > now;
    case "breached":
      return isOpen(t) && t.nextDueAt !== null && t.nextDueAt <= now;
    case "waiting":
      return t.status === "waiting_on_customer" && t.mergedIntoId === null;
    case "done":
      return ["solved", "closed"].includes(t.status);
    case "all":
      return true;
  }
}

function expected(all: Row[], actor: Actor, view: QueueView, filters: Filters, now: Date): string[] {
  const customerViews: QueueView[] = ["all", "open", "done", "waiting"];
  return all
    .filter((t) => actor.isStaff || actor.customerOrgIds.includes(t.orgId))
    .filter((t) => (actor.isStaff || customerViews.includes(view)) && inView(view, t, actor, now))
    .filter((t) => !filters.orgId || t.orgId === filters.orgId)
    .filter((t) => !filters.priority || t.priority === filters.priority)
    .filter((t) => !filters.status || t.status === filters.status)
    .filter((t) => !filters.tag || t.tags.includes(filters.tag))
    .filter((t) => !filters.nodeId || t.nodeIds.includes(filters.nodeId))
    .map((t) => t.id)
    .sort();
}

let filterCases: Filters[] = [];

beforeAll(async () => {
  const agent = await callerFor("agent@hostdesk.test");
  const engineer = await actorOf("engineer@hostdesk.test");
  const [acme, globex, acmeWeb] = await Promise.all([orgId("acme"), orgId("globex"), vmId("acme-web01")]);
  const file = (org: string, subject: string, priority: Filters["priority"] = "normal", nodeIds: string[] = []) =>
    agent.helpdesk.create({ orgId: org, subject, body: "Details follow.", priority, nodeIds });
  const a = await file(acme, "Shop is slow", "high", [acmeWeb]);
  const b = await file(acme, "Backup failed", "urgent");
  const c = await file(globex, "Certificate expiring", "low");
  const d = await file(globex, "DNS change");
  const e = await file(acme, "Cron not running");
  await agent.helpdesk.update({ ticketId: a.ticketId, assigneeId: engineer.userId, addTags: ["web"] });
  await agent.helpdesk.update({ ticketId: b.ticketId, level: "engineering", addTags: ["backup", "web"] });
  await agent.helpdesk.update({ ticketId: c.ticketId, status: "waiting_on_customer" });
  await agent.helpdesk.update({ ticketId: d.ticketId, status: "solved" });
  // One ticket past its deadline and one inside its warning window, whatever the business hours now.
  const hour = 3_600_000;
  await getDb().update(tickets).set({ nextDueAt: new Date(Date.now() - hour), nextWarnAt: new Date(Date.now() - 2 * hour) }).where(eq(tickets.id, b.ticketId));
  await getDb().update(tickets).set({ nextDueAt: new Date(Date.now() + 2 * hour), nextWarnAt: new Date(Date.now() - hour) }).where(eq(tickets.id, e.ticketId));
  filterCases = [{}, { orgId: acme }, { orgId: globex }, { priority: "urgent" }, { status: "waiting_on_customer" }, { tag: "web" }, { nodeId: acmeWeb }, { orgId: acme, tag: "web", priority: "high" }];
  expect(Number((await getDb().execute<{ n: number }>(sql`select count(*)::int as n from ${tickets}`)).rows[0]!.n)).toBeGreaterThanOrEqual(5);
});

describe("the queue lists exactly what matches", () => {
  for (const email of ["agent@hostdesk.test", "engineer@hostdesk.test", "owner@acme.test"]) {
    it(`every view, alone and with each filter, as ${email}`, async () => {
      const actor = await actorOf(email);
      const all = await everyTicket();
      let nonEmpty = 0;
      for (const view of queueViews) {
        for (const filters of filterCases) {
          // Twice: the first run prepares the shape's statements, the second reuses them.
          for (let run = 0; run < 2; run++) {
            const listed = await listQueue(getDb(), actor, { view, ...filters, pageSize: 200 });
            const want = expected(all, actor, view, filters, new Date());
            expect(listed.rows.map((r) => r.id).sort(), `${view} ${JSON.stringify(filters)}`).toEqual(want);
            expect(listed.total, `${view} ${JSON.stringify(filters)} total`).toBe(want.length);
            if (want.length > 0) nonEmpty++;
          }
        }
      }
      // The cases must tell views and filters apart, not just agree on empty lists.
      expect(nonEmpty).toBeGreaterThan(20);
    });
  }

  it("answers each ticket's times as the ISO strings of what is stored, and its deadline state from them", async () => {
    const actor = await actorOf("agent@hostdesk.test");
    const stored = new Map((await everyTicket()).map((t) => [t.id, t]));
    const { rows } = await listQueue(getDb(), actor, { view: "all", pageSize: 200 });
    expect(rows.length).toBe(stored.size);
    const iso = (at: Date | null) => at?.toISOString() ?? null;
    for (const row of rows) {
      const t = stored.get(row.id)!;
      expect([row.nextDueAt, row.nextWarnAt, row.updatedAt]).toEqual([iso(t.nextDueAt), iso(t.nextWarnAt), iso(t.updatedAt)]);
    }
    expect(new Set(rows.map((r) => r.deadline))).toEqual(new Set(["breached", "due_soon", "on_track", "paused", "done"]));
    for (const row of rows) expect(row.deadline, `#${row.number}`).toBe(deadlineState(row.status, stored.get(row.id)!, new Date()));
  });

  it("keeps giving the same answer once Postgres plans a shape generically, and pages through it", async () => {
    const actor = await actorOf("agent@hostdesk.test");
    const firstPage = await listQueue(getDb(), actor, { view: "all", pageSize: 10 });
    for (let run = 0; run < 8; run++) expect(await listQueue(getDb(), actor, { view: "all", pageSize: 10 })).toEqual({ ...firstPage, rows: expect.any(Array) });
    const pages = [];
    for (let page = 1; page <= Math.ceil(firstPage.total / 10); page++) pages.push(...(await listQueue(getDb(), actor, { view: "all", pageSize: 10, page })).rows.map((r) => r.id));
    expect(pages.sort()).toEqual((await everyTicket()).map((t) => t.id).sort());
  });
});
