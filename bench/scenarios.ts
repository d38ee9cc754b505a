import type { QueryResultRow } from "pg";
import type { ScenarioOutcome, Target } from "./measurement";

/**
 * The bench scenarios. Each one names an HTTP request the app answers and the floor: the same SQL
 * run through bare `pg` behind `node:http`, with no framework and no auth crypto. To add one,
 * append to `scenarios` — the runner, floor and report pick it up.
 *
 * This file is imported by the floor process, so it must not import app code.
 */

/** Facts the floor needs that the app would take from the session. */
export type FloorContext = { actorUserId: string };
/** Facts the checks need: the size of the generated data. */
export type VerifyContext = { orgCount: number };

export type FloorQuery = { sql: string; params: (ctx: FloorContext) => unknown[] };
export type FloorResponse = { status: number; contentType: string; body: string };

export type Scenario = {
  name: string;
  description: string;
  request: { method: "GET" | "POST"; path: string; body?: string; headers?: Record<string, string> };
  floor: { queries: FloorQuery[]; respond: (results: QueryResultRow[][]) => FloorResponse };
  /** Checks one response before the load starts; returns what is wrong, or null. Applied to app and floor. */
  verify: (status: number, body: string, ctx: VerifyContext) => string | null;
  targets: Target[];
};

const ACTOR_SQL = `select u.*, m.org_id, m.role, o.name as org_name, o.slug as org_slug, o.kind as org_kind
  from users u
  left join memberships m on m.user_id = u.id
  left join orgs o on o.id = m.org_id
  where u.id = $1`;

const ORG_DIRECTORY_SQL = `select o.id, o.name, o.slug, o.kind, o.created_at, count(m.user_id)::int as member_count
  from orgs o
  left join memberships m on m.org_id = o.id
  group by o.id
  order by o.kind, o.name`;

const actorQuery: FloorQuery = { sql: ACTOR_SQL, params: (ctx) => [ctx.actorUserId] };
const orgDirectoryQuery: FloorQuery = { sql: ORG_DIRECTORY_SQL, params: () => [] };

/** The floor's stand-in for the app's session check: the actor must exist and be enabled. */
function actorHolds(rows: QueryResultRow[] | undefined): boolean {
  const first = rows?.[0];
  return first !== undefined && first.disabled_at === null;
}

const unauthorised: FloorResponse = { status: 401, contentType: "text/plain", body: "unauthorised" };

function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function renderDirectoryHtml(rows: QueryResultRow[]): string {
  const body = rows
    .filter((row) => row.kind === "customer")
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.name)}</td><td>${escapeHtml(row.slug)}</td><td>${escapeHtml(row.member_count)}</td>` +
        `<td>${isoDate(row.created_at).slice(0, 10)}</td></tr>`,
    )
    .join("");
  return (
    `<!DOCTYPE html><html><head><title>Help desk</title></head><body><h1>Help desk</h1>` +
    `<table><caption>Customer organisations</caption><thead><tr><th>Organisation</th><th>Slug</th><th>People</th>` +
    `<th>Customer since</th></tr></thead><tbody>${body}</tbody></table></body></html>`
  );
}

function orgListJson(rows: QueryResultRow[]): string {
  const json = rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    createdAt: isoDate(row.created_at),
    memberCount: row.member_count,
  }));
  return JSON.stringify({ result: { data: { json } } });
}

/** Web process resident memory, checked in every scenario. */
const webRssTarget: Target = {
  description: "web process RSS ≤ 350 MB",
  evaluate: (outcome: ScenarioOutcome) => {
    const web = Object.entries(outcome.app.peakRssMb).filter(([label]) => label === "web" || label.startsWith("web/"));
    const peak = Math.max(0, ...web.map(([, mb]) => mb));
    return { actual: `${peak.toFixed(0)} MB`, pass: web.length > 0 && peak <= 350 };
  },
};

export const scenarios: Scenario[] = [
  {
    name: "desk-landing",
    description: "signed-in staff landing page /desk, server-rendered, as admin@hostdesk.test",
    request: { method: "GET", path: "/desk", headers: { accept: "text/html" } },
    floor: {
      queries: [actorQuery, orgDirectoryQuery],
      respond: ([actor, directory]) =>
        actorHolds(actor) ? { status: 200, contentType: "text/html; charset=utf-8", body: renderDirectoryHtml(directory ?? []) } : unauthorised,
    },
    verify: (status, body) => {
      if (status !== 200) return `expected 200, got ${status} (a 307 means the session cookie was not accepted)`;
      if (!body.includes("Customer organisations")) return "page does not show the customer organisations table";
      if (!body.includes("Bench Customer")) return "page does not list the generated orgs";
      return null;
    },
    targets: [
      {
        description: "p95 ≤ 150 ms",
        evaluate: ({ app }) => ({ actual: `${app.p95Ms.toFixed(1)} ms`, pass: app.requests > 0 && app.p95Ms <= 150 }),
      },
      webRssTarget,
    ],
  },
  {
    name: "trpc-orgs-list",
    description: "authed tRPC query orgs.list (GET, no input) as admin@hostdesk.test",
    request: { method: "GET", path: "/api/trpc/orgs.list", headers: { accept: "application/json" } },
    floor: {
      queries: [actorQuery, orgDirectoryQuery],
      respond: ([actor, directory]) =>
        actorHolds(actor) ? { status: 200, contentType: "application/json", body: orgListJson(directory ?? []) } : unauthorised,
    },
    verify: (status, body, ctx) => {
      if (status !== 200) return `expected 200, got ${status}: ${body.slice(0, 200)}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return "response is not JSON";
      }
      const list = (parsed as { result?: { data?: { json?: unknown } } }).result?.data?.json;
      if (!Array.isArray(list)) return "response has no result.data.json array";
      if (list.length !== ctx.orgCount) return `expected ${ctx.orgCount} orgs, got ${list.length}`;
      return null;
    },
    targets: [
      {
        description: "req/s ≥ 50 % of floor",
        evaluate: ({ floorRatio }) => ({ actual: `${(floorRatio * 100).toFixed(0)} %`, pass: floorRatio >= 0.5 }),
      },
      webRssTarget,
    ],
  },
];
