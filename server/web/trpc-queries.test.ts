import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { orgs, tickets } from "@/db/schema";
import { buildContext, nodeHeaders } from "@/server/request-context";
import { appRouter } from "@/server/routers/_app";
import { actorFor } from "@/server/testing/actors";
import { answerWithFetchAdapter, TRPC_PATH } from "./trpc-endpoint";
import { answerQueries } from "./trpc-queries";

/**
 * answerQueries against tRPC's own fetch adapter: the same requests, sent to a server that answers
 * through answerQueries and to one that answers only through tRPC, must get the same status,
 * headers and body — for answers, errors of every kind, batches and mixed batches. What
 * answerQueries leaves to tRPC must be left untouched.
 */

// Requests name their user in a header: decoding session cookies is not what is compared here.
async function contextOf(req: http.IncomingMessage) {
  const email = req.headers["x-test-actor"];
  return buildContext(typeof email === "string" ? await actorFor(email) : null, nodeHeaders(req.headers));
}

let answeredFast = 0;
const servers: http.Server[] = [];
let fastUrl = "";
let referenceUrl = "";

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  fastUrl = await listen((req, res) => {
    if (answerQueries(appRouter, TRPC_PATH, req, res, () => contextOf(req))) answeredFast++;
    else answerWithFetchAdapter(req, res, () => contextOf(req));
  });
  referenceUrl = await listen((req, res) => answerWithFetchAdapter(req, res, () => contextOf(req)));
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

type Case = { path: string; input?: unknown; batchInputs?: Record<string, unknown>; actor?: string; headers?: Record<string, string>; method?: string; rawQuery?: string };

function urlOf(base: string, c: Case): string {
  const query =
    c.rawQuery ??
    (c.batchInputs ? `batch=1&input=${encodeURIComponent(JSON.stringify(c.batchInputs))}` : c.input === undefined ? "" : `input=${encodeURIComponent(JSON.stringify({ json: c.input }))}`);
  return `${base}${TRPC_PATH}${c.path}${query ? `?${query}` : ""}`;
}

/** What must agree: status, content type, vary, and the body — minus dev-mode stacks, whose frames differ by path. */
async function answer(base: string, c: Case) {
  const res = await fetch(urlOf(base, c), { method: c.method ?? "GET", headers: { ...(c.actor ? { "x-test-actor": c.actor } : {}), ...c.headers } });
  const text = await res.text();
  const withoutStacks = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(withoutStacks);
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => (key === "stack" ? [key, typeof value] : [key, withoutStacks(value)])));
  };
  let body: unknown = text;
  try {
    body = withoutStacks(JSON.parse(text));
  } catch {
    // Not JSON (a HEAD answer): compared as text.
  }
  return { status: res.status, type: res.headers.get("content-type"), vary: res.headers.get("vary"), body };
}

async function expectSameAnswer(c: Case, fast: boolean) {
  const before = answeredFast;
  const [mine, theirs] = [await answer(fastUrl, c), await answer(referenceUrl, c)];
  expect(mine, JSON.stringify(c)).toEqual(theirs);
  expect(answeredFast - before, `answered by answerQueries: ${JSON.stringify(c)}`).toBe(fast ? 1 : 0);
  return mine;
}

const agent = "agent@hostdesk.test";
const customer = "owner@acme.test";

async function ticketOf(slug: string) {
  const [row] = await getDb().select({ id: tickets.id }).from(tickets).innerJoin(orgs, eq(orgs.id, tickets.orgId)).where(eq(orgs.slug, slug)).limit(1);
  return row!.id;
}

describe("answerQueries answers GET queries exactly as tRPC's adapter does", () => {
  it("answers, with and without dates, and errors of each kind", async () => {
    const acmeTicket = await ticketOf("acme");
    const globexTicket = await ticketOf("globex");
    const queue = await expectSameAnswer({ path: "helpdesk.queue", input: { view: "all" }, actor: agent }, true);
    expect(queue.status).toBe(200);
    const ticket = await expectSameAnswer({ path: "helpdesk.ticket", input: { ticketId: acmeTicket }, actor: agent }, true);
    expect(JSON.stringify(ticket.body)).toContain('"Date"');
    expect((await expectSameAnswer({ path: "helpdesk.ticket", input: { ticketId: globexTicket }, actor: customer }, true)).status).toBe(404);
    expect((await expectSameAnswer({ path: "helpdesk.queue", input: { view: "all" } }, true)).status).toBe(401);
    expect((await expectSameAnswer({ path: "helpdesk.queue", input: { view: "nowhere" }, actor: agent }, true)).status).toBe(400);
    expect((await expectSameAnswer({ path: "mail.outbox", actor: customer }, true)).status).toBe(403);
    expect((await expectSameAnswer({ path: "session.me", actor: customer }, true)).status).toBe(200);
  });

  it("answers batches, with one status for all or 207 for a mix", async () => {
    const globexTicket = await ticketOf("globex");
    const same = await expectSameAnswer({ path: "helpdesk.queue,helpdesk.queueCounts,session.me", batchInputs: { 0: { json: { view: "open" } } }, actor: agent }, true);
    expect(same.status).toBe(200);
    const mixed = await expectSameAnswer({ path: "session.me,helpdesk.ticket", batchInputs: { 1: { json: { ticketId: globexTicket } } }, actor: customer }, true);
    expect(mixed.status).toBe(207);
  });

  it("answers every query of the router, with no input and with an empty one, as staff and as a customer", async () => {
    const queries = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>).filter(([, p]) => p._def.type === "query");
    expect(queries.length).toBeGreaterThan(40);
    const statuses = new Set<number>();
    for (const [path] of queries) {
      for (const actor of [agent, customer]) {
        statuses.add((await expectSameAnswer({ path, actor }, true)).status);
        statuses.add((await expectSameAnswer({ path, input: {}, actor }, true)).status);
      }
    }
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 403]));
  }, 60_000);

  it("leaves to tRPC what is not a GET of known queries with well-formed input", async () => {
    const leftToTrpc: Case[] = [
      { path: "helpdesk.update", input: {}, actor: agent },
      { path: "helpdesk.nothing", actor: agent },
      { path: "session.me,helpdesk.nothing", batchInputs: {}, actor: agent },
      { path: "helpdesk.queue", rawQuery: "input=%7Bnot-json", actor: agent },
      { path: "session.me", rawQuery: "batch=1&input=%5B1%5D", actor: agent },
      { path: "session.me", actor: agent, headers: { "trpc-accept": "application/jsonl" } },
      { path: "session.me", actor: agent, headers: { "content-type": "application/octet-stream" } },
      { path: "session.me", actor: agent, method: "HEAD" },
      { path: "session.me%E0%A4%A", actor: agent },
    ];
    for (const c of leftToTrpc) await expectSameAnswer(c, false);
  });
});
