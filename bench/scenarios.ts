import type { QueryResultRow } from "pg";
import { AFFECTED_PAGE_SIZE, PICTURE_LIMIT, VM_NAMES_PER_CUSTOMER } from "@/server/inventory/impact";
import { TOTAL_CAP } from "@/server/inventory/vms";
// The one piece of app code the floor runs: the pure graph walk the impact query hands its edges to.
// It is plain JS over arrays (no framework, no I/O), so the floor does the same work the app does.
import { nodesCutOffBy, type DependencyEdge } from "@/server/inventory/graph";
// The calculator is pure math; the floor runs the very same functions.
import { calculateScenario } from "@/server/sla/scenario";
import { scenarioInput } from "@/server/sla/schemas";
import type { ScenarioOutcome, Target } from "./measurement";
// The help-desk floors run the domain functions themselves (see domainFloor).
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { loadActor, type Actor } from "@/server/auth/actor";
import { listQueue } from "@/server/helpdesk/queue";
import { getTicket } from "@/server/helpdesk/ticket-view";
import { THREAD_PAGE } from "@/server/helpdesk/schemas";
import { LONG_TICKET_MESSAGES, SEARCH_WORDS } from "./generate-tickets";

/**
 * The bench scenarios. Each one names an HTTP request the app answers and the floor: the same SQL
 * run through bare `pg` behind `node:http`, with no framework and no auth crypto. To add one,
 * append to `scenarios` — the runner, floor and report pick it up.
 *
 * This file is imported by the floor process. The older floors run hand-written SQL next to pure app
 * functions (`nodesCutOffBy`, the SLA calculator); the help-desk floors call the domain functions
 * on Drizzle directly (domainFloor), which is the same SQL by construction.
 */

/** The generated data centre's facts the inventory scenarios need (null when it was not generated). */
export type InventoryFacts = {
  /** VMs not retired: what the staff VM list counts. */
  listedVms: number;
  /** Of those, the production ones. */
  listedProductionVms: number;
  /** The generated hypervisor with the most VMs, whose failure the impact scenario asks about. */
  hypervisorId: string;
  hypervisorName: string;
  hypervisorVms: number;
  hypervisorServices: number;
};

/**
 * Facts about the bench database that requests, the floor and the checks need. The floor gets it as
 * JSON in its environment.
 */
export type BenchContext = {
  /** The admin's user id: the floor's stand-in for what the app takes from the session. */
  actorUserId: string;
  orgCount: number;
  inventory: InventoryFacts | null;
  /** The generated help desk (null when --tickets 0). */
  helpdesk: { longTicketId: string; tickets: number } | null;
};

export type FloorResponse = { status: number; contentType: string; body: string };
/** Runs one statement on the floor's pool and returns its rows. */
export type FloorQueryFn = (sql: string, params: unknown[]) => Promise<QueryResultRow[]>;

export type ScenarioRequest = { method: "GET" | "POST"; path: string; body?: string; headers?: Record<string, string> };

export type Scenario = {
  name: string;
  description: string;
  /** The request, or how to build it from the data (e.g. an id that only exists once generated). */
  request: ScenarioRequest | ((ctx: BenchContext) => ScenarioRequest);
  /** What the floor does for the request: the scenario's SQL through bare `pg`, and the response. */
  floor: (query: FloorQueryFn, ctx: BenchContext, db: Db) => Promise<FloorResponse>;
  /** Checks one response before the load starts; returns what is wrong, or null. Applied to app and floor. */
  verify: (status: number, body: string, ctx: BenchContext) => string | null;
  targets: Target[];
};

export function requestOf(scenario: Scenario, ctx: BenchContext): ScenarioRequest {
  return typeof scenario.request === "function" ? scenario.request(ctx) : scenario.request;
}

type FloorQuery = { sql: string; params: (ctx: BenchContext) => unknown[] };

/** A floor that runs independent statements concurrently, then renders their rows. */
function inParallel(queries: FloorQuery[], respond: (results: QueryResultRow[][]) => FloorResponse): Scenario["floor"] {
  return async (query, ctx) => respond(await Promise.all(queries.map((q) => query(q.sql, q.params(ctx)))));
}

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

const p95Target = (ms: number): Target => ({
  description: `p95 ≤ ${ms} ms`,
  evaluate: ({ app }) =>
    app.requests - app.non2xx > 0 ? { actual: `${app.p95Ms.toFixed(1)} ms`, pass: app.p95Ms <= ms } : { actual: "no 2xx response", pass: false },
});

const floorShareTarget = (share: number): Target => ({
  description: `req/s ≥ ${Math.round(share * 100)} % of floor`,
  evaluate: ({ floorRatio }) => ({ actual: `${(floorRatio * 100).toFixed(0)} %`, pass: floorRatio >= share }),
});

// ---------------------------------------------------------------------------------------------
// Inventory: the staff VM list and the impact of a hypervisor failing, on the generated data centre.

/** A tRPC query as the app's client sends it: GET, input as superjson's `{ json }` in `?input=`. */
function trpcQueryPath(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** tRPC's response envelope with superjson: plain JSON data needs no `meta`. */
function trpcJson(data: unknown): FloorResponse {
  return { status: 200, contentType: "application/json", body: JSON.stringify({ result: { data: { json: data } } }) };
}

/** The `json` of a 200 tRPC response, or what is wrong with it. */
function trpcData(status: number, body: string): { data: unknown } | { problem: string } {
  if (status !== 200) return { problem: `expected 200, got ${status}: ${body.slice(0, 300)}` };
  try {
    const parsed = JSON.parse(body) as { result?: { data?: { json?: unknown } } };
    return parsed.result?.data && "json" in parsed.result.data ? { data: parsed.result.data.json } : { problem: "response has no result.data.json" };
  } catch {
    return { problem: "response is not JSON" };
  }
}

function inventoryOf(ctx: BenchContext): InventoryFacts {
  if (!ctx.inventory) throw new Error("the inventory scenarios need the generated data centre; run with --vms > 0");
  return ctx.inventory;
}

const PAGE_SIZE = 50;

/**
 * server/inventory/vms.ts `listVms` for staff (no org restriction), page 1, as Drizzle renders it:
 * the page walks the lower(name) index, the count runs alongside. The status, the environment and the
 * page are written into the text, as the app writes them (db/prepared.ts `inlined`). Columns are
 * aliased to the keys the app returns, in the same order.
 */
function vmListQueries(environment: "production" | undefined): FloorQuery[] {
  const where = environment ? `(v.status <> 'retired' and v.environment = '${environment}')` : `v.status <> 'retired'`;
  return [
    {
      sql: `select v.id, v.name, v.org_id as "orgId", o.name as "orgName", v.environment, v.role, v.status, v.vcpus,
          v.memory_mb as "memoryMb", v.disk_gb as "diskGb", v.addresses, v.redundancy_group as "redundancyGroup",
          v.hypervisor_id as "hypervisorId", d.name as "hypervisorName", v.storage_pool_id as "storagePoolId",
          p.name as "storagePoolName", v.driver
        from vms v
        inner join orgs o on o.id = v.org_id
        inner join devices d on d.id = v.hypervisor_id
        inner join storage_pools p on p.id = v.storage_pool_id
        where ${where}
        order by lower(v.name)
        limit ${PAGE_SIZE}`,
      params: () => [],
    },
    // The app counts matches only up to TOTAL_CAP (then says "more than"); the floor does the same.
    { sql: `select count(*) as n from (select 1 from vms v where ${where} limit ${TOTAL_CAP + 1}) capped`, params: () => [] },
  ];
}

function vmListScenario(name: string, description: string, environment: "production" | undefined): Scenario {
  const input = { ...(environment ? { environment } : {}), page: 1, pageSize: PAGE_SIZE };
  return {
    name,
    description,
    request: (ctx) => {
      inventoryOf(ctx); // the counts it is checked against come from the generated data centre
      return { method: "GET", path: trpcQueryPath("inventory.vms", input), headers: { accept: "application/json" } };
    },
    floor: inParallel([actorQuery, ...vmListQueries(environment)], ([actor, rows, total]) =>
      actorHolds(actor)
        ? trpcJson({ rows, total: Math.min(Number(total?.[0]?.n ?? 0), TOTAL_CAP), totalIsCapped: Number(total?.[0]?.n ?? 0) > TOTAL_CAP, page: 1, pageSize: PAGE_SIZE })
        : unauthorised,
    ),
    verify: (status, body, ctx) => {
      const facts = inventoryOf(ctx);
      const result = trpcData(status, body);
      if ("problem" in result) return result.problem;
      const page = result.data as { rows?: { name: string; environment: string }[]; total?: number };
      if (!Array.isArray(page.rows)) return "response has no rows";
      if (page.rows.length !== PAGE_SIZE) return `expected ${PAGE_SIZE} rows, got ${page.rows.length}`;
      const expected = environment ? facts.listedProductionVms : facts.listedVms;
      if (page.total !== Math.min(expected, TOTAL_CAP)) return `expected total ${Math.min(expected, TOTAL_CAP)}, got ${page.total}`;
      if (environment && page.rows.some((row) => row.environment !== environment)) return `a row is not in ${environment}`;
      return null;
    },
    targets: [p95Target(50), floorShareTarget(0.5), webRssTarget],
  };
}

type NodeKind = "device" | "storage_pool" | "vm" | "service";
type KindedEdge = DependencyEdge & { parentKind: NodeKind; childKind: NodeKind };

/**
 * server/inventory/graph-queries.ts `edgesWhere`, as Drizzle renders it: the edges whose `end` is
 * one of the ids, optionally only from nodes of one kind (a literal, so Postgres drops the view's
 * branches that cannot match) and only grouped ones.
 */
function edgesWhereSql(end: "parent" | "child", kind: NodeKind | undefined, onlyGrouped: boolean): string {
  return `
    select parent_id, parent_kind, child_id, child_kind, redundancy_group from dependency_edges
    where "${end}_id" = any($1::uuid[])
      ${kind ? `and "${end}_kind" = '${kind}'` : ""}
      ${onlyGrouped ? "and redundancy_group is not null" : ""}`;
}

async function edgesWhere(query: FloorQueryFn, end: "parent" | "child", ids: string[], kind?: NodeKind, onlyGrouped = false): Promise<KindedEdge[]> {
  if (ids.length === 0) return [];
  const rows = await query(edgesWhereSql(end, kind, onlyGrouped), [ids]);
  return rows.map((row) => ({
    parentId: row.parent_id,
    parentKind: row.parent_kind,
    childId: row.child_id,
    childKind: row.child_kind,
    redundancyGroup: row.redundancy_group,
  }));
}

/**
 * graph-queries.ts `edgesIntoDescendants`: the walk down level by level, one statement per node
 * kind in the frontier (concurrently), then the grouped edges coming into what was reached.
 */
async function edgesIntoDescendants(query: FloorQueryFn, nodeId: string): Promise<KindedEdge[]> {
  const seen = new Set([nodeId]);
  const edges: KindedEdge[] = [];
  let frontier = new Map<NodeKind | undefined, string[]>([[undefined, [nodeId]]]);
  while (frontier.size > 0) {
    const steps = await Promise.all([...frontier].map(([kind, ids]) => edgesWhere(query, "parent", ids, kind)));
    frontier = new Map();
    for (const edge of steps.flat()) {
      edges.push(edge);
      if (seen.has(edge.childId)) continue;
      seen.add(edge.childId);
      const ids = frontier.get(edge.childKind);
      if (ids) ids.push(edge.childId);
      else frontier.set(edge.childKind, [edge.childId]);
    }
  }
  seen.delete(nodeId);
  const known = new Set(edges.map((e) => `${e.parentId}>${e.childId}`));
  const incoming = await edgesWhere(query, "child", [...seen], undefined, true);
  return [...edges, ...incoming.filter((e) => !known.has(`${e.parentId}>${e.childId}`))];
}

/** server/inventory/nodes.ts `resolveNodes`: one branch per kind, each bound to that kind's ids (plus the ones of unknown kind). */
const RESOLVE_BRANCHES = {
  device: (p: string) => `select d.id, 'device' as kind, d.name, d.kind::text as detail, null::uuid as org_id, null as org_name, d.status::text as status
    from unnest(${p}::uuid[]) as wanted(id) join devices d on d.id = wanted.id`,
  storage_pool: (p: string) => `select p.id, 'storage_pool' as kind, p.name, 'pool' as detail, null::uuid as org_id, null as org_name, null as status
    from unnest(${p}::uuid[]) as wanted(id) join storage_pools p on p.id = wanted.id`,
  vm: (p: string) => `select v.id, 'vm' as kind, v.name, v.environment::text as detail, v.org_id, o.name as org_name, v.status::text as status
    from unnest(${p}::uuid[]) as wanted(id) join vms v on v.id = wanted.id join orgs o on o.id = v.org_id`,
  service: (p: string) => `select s.id, 'service' as kind, v.name || ' / ' || s.name as name, s.kind as detail, s.org_id, o.name as org_name,
      case when s.retired_at is null then 'active' else 'retired' end as status
    from unnest(${p}::uuid[]) as wanted(id) join services s on s.id = wanted.id join vms v on v.id = s.vm_id join orgs o on o.id = s.org_id`,
} as const;

function resolveNodesQuery(ids: string[], kindOf: Map<string, keyof typeof RESOLVE_BRANCHES>): { sql: string; params: string[][] } {
  const lists = new Map<keyof typeof RESOLVE_BRANCHES, string[]>();
  const unknown: string[] = [];
  for (const id of ids) {
    const kind = kindOf.get(id);
    if (!kind) unknown.push(id);
    else if (lists.has(kind)) lists.get(kind)!.push(id);
    else lists.set(kind, [id]);
  }
  const parts: string[] = [];
  const params: string[][] = [];
  for (const kind of Object.keys(RESOLVE_BRANCHES) as (keyof typeof RESOLVE_BRANCHES)[]) {
    const list = [...(lists.get(kind) ?? []), ...unknown];
    if (!list.length) continue;
    params.push(list);
    parts.push(RESOLVE_BRANCHES[kind](`$${params.length}`));
  }
  return { sql: parts.join(" union all "), params };
}

type ImpactRow = { id: string; kind: "device" | "storage_pool" | "vm" | "service"; name: string; detail: string | null; org_id: string | null; org_name: string | null; status: string | null };
const toImpactNode = (row: ImpactRow) => ({ id: row.id, kind: row.kind, name: row.name, detail: row.detail, orgId: row.org_id, orgName: row.org_name, status: row.status });

/** server/inventory/impact.ts `summarise`: the first page and the per-customer lines, aggregated in Postgres. */
function impactSummaryQuery(ids: string[], kindOf: Map<string, keyof typeof RESOLVE_BRANCHES>) {
  const affected = resolveNodesQuery(ids, kindOf);
  const sql = `with affected as materialized (${affected.sql})
    select
      (select coalesce(json_agg(p), '[]') from (
        select * from affected
        order by array_position(array['device', 'storage_pool', 'vm', 'service'], kind), lower(name), id
        limit ${AFFECTED_PAGE_SIZE} offset 0) p) as page,
      (select coalesce(json_agg(c order by lower(c.org_name)), '[]') from (
        select org_id, org_name,
          count(*) filter (where kind = 'vm')::int as vm_count,
          count(*) filter (where kind = 'service')::int as service_count,
          (array_agg(name order by lower(name)) filter (where kind = 'vm'))[1:${VM_NAMES_PER_CUSTOMER}] as vm_names
        from affected where org_id is not null group by org_id, org_name) c) as customers`;
  return { sql, params: affected.params };
}

/**
 * The floor of `inventory.impact`: the same statements as server/inventory/impact.ts (the walk down,
 * then the node's own lookup and the summary of what fails, which need the walk's result), the same
 * `nodesCutOffBy`, and the same shaping of the answer.
 */
async function impactFloor(query: FloorQueryFn, ctx: BenchContext): Promise<FloorResponse> {
  const nodeId = inventoryOf(ctx).hypervisorId;
  const [actor, edges] = await Promise.all([query(ACTOR_SQL, [ctx.actorUserId]), edgesIntoDescendants(query, nodeId)]);
  if (!actorHolds(actor)) return unauthorised;
  const cutOff = [...nodesCutOffBy([nodeId], edges)];
  const kinds = new Map(edges.map((e) => [e.childId, e.childKind]));
  const drawable = cutOff.length + 1 <= PICTURE_LIMIT;
  const own = resolveNodesQuery(drawable ? [nodeId, ...cutOff] : [nodeId], kinds);
  const summary = impactSummaryQuery(cutOff, kinds);
  const [nodeRows, [summaryRow]] = await Promise.all([query(own.sql, own.params), query(summary.sql, summary.params)]);
  const nodes = new Map(nodeRows.map((row) => [row.id as string, toImpactNode(row as ImpactRow)]));
  const node = nodes.get(nodeId);
  if (!node || !summaryRow) return { status: 404, contentType: "text/plain", body: "no such node" };
  const count = (kind: string) => cutOff.reduce((n, id) => (kinds.get(id) === kind ? n + 1 : n), 0);
  return trpcJson({
    node,
    affected: (summaryRow.page as ImpactRow[]).map(toImpactNode),
    page: 1,
    pageSize: AFFECTED_PAGE_SIZE,
    counts: { devices: count("device"), storagePools: count("storage_pool"), vms: count("vm"), services: count("service"), total: cutOff.length },
    customers: (summaryRow.customers as { org_id: string; org_name: string; vm_count: number; service_count: number; vm_names: string[] | null }[]).map((c) => ({
      orgId: c.org_id,
      orgName: c.org_name,
      vmCount: c.vm_count,
      serviceCount: c.service_count,
      vmNames: c.vm_names ?? [],
    })),
    picture: drawable ? { nodes: [...nodes.values()], edges: edges.filter((e) => nodes.has(e.parentId) && nodes.has(e.childId)) } : null,
  });
}

const impactScenario: Scenario = {
  name: "inventory-impact-hypervisor",
  description: "staff tRPC query inventory.impact of the busiest generated hypervisor (its VMs and their services fail with it), as admin@hostdesk.test",
  request: (ctx) => ({
    method: "GET",
    path: trpcQueryPath("inventory.impact", { nodeId: inventoryOf(ctx).hypervisorId }),
    headers: { accept: "application/json" },
  }),
  floor: impactFloor,
  verify: (status, body, ctx) => {
    const facts = inventoryOf(ctx);
    const result = trpcData(status, body);
    if ("problem" in result) return result.problem;
    const impact = result.data as { node?: { id?: string }; counts?: Record<string, number>; customers?: unknown[]; affected?: unknown[]; picture?: { edges?: unknown[] } | null };
    if (impact.node?.id !== facts.hypervisorId) return `expected the impact of ${facts.hypervisorName}, got node ${impact.node?.id}`;
    const counts = impact.counts ?? {};
    if (counts.vms !== facts.hypervisorVms) return `expected ${facts.hypervisorVms} VMs cut off, got ${counts.vms}`;
    if (counts.services !== facts.hypervisorServices) return `expected ${facts.hypervisorServices} services cut off, got ${counts.services}`;
    if (!impact.customers?.length) return "no customers affected";
    const cutOff = facts.hypervisorVms + facts.hypervisorServices;
    if (impact.affected?.length !== Math.min(cutOff, AFFECTED_PAGE_SIZE)) return `expected a first page of ${Math.min(cutOff, AFFECTED_PAGE_SIZE)}, got ${impact.affected?.length}`;
    const pictured = cutOff + 1 <= PICTURE_LIMIT ? cutOff : 0;
    if ((impact.picture?.edges?.length ?? 0) !== pictured) {
      return `expected ${pictured} edges in the picture, got ${impact.picture?.edges?.length ?? 0}`;
    }
    return null;
  },
  targets: [p95Target(50), webRssTarget],
};

/** A scenario that differs from the defaults in every section the calculator computes. */
const calculatorInput = {
  target: { availability: 0.9995, window: "year", maxSingleOutageMinutes: 120 },
  serviceHours: { hours: "24x7", holidaysPerYear: 0 },
  coverage: { responseMinutes: 20, failuresPerYear: 4, failoverMinutes: 5 },
  cost: { revenuePerHour: 5000, affectedStaff: 40 },
  credits: { monthlyFee: 2490, exampleOutageMinutes: 180 },
};

/** The SLA calculator: pure math behind the staff tier; its floor is the same math behind node:http. */
const calculatorScenario: Scenario = {
  name: "sla-calculate",
  description: "staff tRPC query sla.calculate of a three-tier scenario (windows, coverage, cost, tiers, credits, terms in en/de), as admin@hostdesk.test",
  request: { method: "GET", path: trpcQueryPath("sla.calculate", calculatorInput), headers: { accept: "application/json" } },
  floor: async (query, ctx) => {
    const actor = await query(ACTOR_SQL, [ctx.actorUserId]);
    return actorHolds(actor) ? trpcJson(calculateScenario(scenarioInput.parse(calculatorInput))) : unauthorised;
  },
  verify: (status, body) => {
    const result = trpcData(status, body);
    if ("problem" in result) return result.problem;
    const calculated = result.data as { target?: { availability?: number }; tiers?: { rows?: unknown[] }; terms?: { de?: string } };
    if (calculated.target?.availability !== 0.9995) return `expected the scenario's 99.95 %, got ${calculated.target?.availability}`;
    if (calculated.tiers?.rows?.length !== 3) return "expected three tiers compared";
    if (!calculated.terms?.de?.startsWith("Höchstens")) return "expected the German terms";
    return null;
  },
  targets: [p95Target(20), webRssTarget],
};

function helpdeskOf(ctx: BenchContext) {
  if (!ctx.helpdesk) throw new Error("the help desk was not generated (--tickets 0)");
  return ctx.helpdesk;
}

/**
 * The help-desk floors call the domain functions themselves (listQueue, getTicket) on a Drizzle
 * handle over the floor's pool, after loading the actor as the app does: the very same statements
 * and shaping, without Next.js, tRPC, the session cookie and superjson.
 */
function domainFloor(run: (db: Db, actor: Actor) => Promise<unknown>): Scenario["floor"] {
  return async (_query, ctx, db) => {
    const [user] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, ctx.actorUserId));
    const actor = user ? await loadActor(db, { userId: ctx.actorUserId, sessionVersion: user.sessionVersion }) : null;
    return actor ? trpcJson(await run(db, actor)) : unauthorised;
  };
}

function queueScenario(name: string, description: string, input: Record<string, unknown>, targets: Target[]): Scenario {
  return {
    name,
    description,
    request: (ctx) => (helpdeskOf(ctx), { method: "GET", path: trpcQueryPath("helpdesk.queue", input), headers: { accept: "application/json" } }),
    floor: domainFloor((db, actor) => listQueue(db, actor, input)),
    verify: (status, body) => {
      const result = trpcData(status, body);
      if ("problem" in result) return result.problem;
      const queue = result.data as { rows?: unknown[]; total?: number };
      if (!queue.rows?.length) return "the queue came back empty";
      return null;
    },
    targets,
  };
}

const openTicketScenario: Scenario = {
  name: "helpdesk-open-ticket",
  description: `staff tRPC query helpdesk.ticket of a ticket with ${LONG_TICKET_MESSAGES} messages as it opens (the latest ${THREAD_PAGE} rendered, the count of earlier ones, history, SLA), as admin@hostdesk.test`,
  request: (ctx) => ({ method: "GET", path: trpcQueryPath("helpdesk.ticket", { ticketId: helpdeskOf(ctx).longTicketId }), headers: { accept: "application/json" } }),
  floor: (query, ctx, db) => domainFloor((d, actor) => getTicket(d, actor, { ticketId: helpdeskOf(ctx).longTicketId }))(query, ctx, db),
  verify: (status, body) => {
    const result = trpcData(status, body);
    if ("problem" in result) return result.problem;
    const ticket = result.data as { messages?: unknown[]; earlierMessages?: number };
    const seen = (ticket.messages?.length ?? 0) + (ticket.earlierMessages ?? 0);
    if (seen !== LONG_TICKET_MESSAGES) return `expected ${LONG_TICKET_MESSAGES} messages (shown + earlier), got ${seen}`;
    return null;
  },
  targets: [p95Target(150), webRssTarget],
};

export const scenarios: Scenario[] = [
  {
    name: "desk-landing",
    // The customer directory was /desk when this scenario was set; /desk is now the ticket queue.
    description: "signed-in staff page /desk/customers (the customer directory), server-rendered, as admin@hostdesk.test",
    request: { method: "GET", path: "/desk/customers", headers: { accept: "text/html" } },
    floor: inParallel([actorQuery, orgDirectoryQuery], ([actor, directory]) =>
      actorHolds(actor) ? { status: 200, contentType: "text/html; charset=utf-8", body: renderDirectoryHtml(directory ?? []) } : unauthorised,
    ),
    verify: (status, body) => {
      if (status !== 200) return `expected 200, got ${status} (a 307 means the session cookie was not accepted)`;
      if (!body.includes("Customer organisations")) return "page does not show the customer organisations table";
      if (!body.includes("Bench Customer")) return "page does not list the generated orgs";
      return null;
    },
    targets: [p95Target(150), webRssTarget],
  },
  {
    name: "trpc-orgs-list",
    description: "authed tRPC query orgs.list (GET, no input) as admin@hostdesk.test",
    request: { method: "GET", path: "/api/trpc/orgs.list", headers: { accept: "application/json" } },
    floor: inParallel([actorQuery, orgDirectoryQuery], ([actor, directory]) =>
      actorHolds(actor) ? { status: 200, contentType: "application/json", body: orgListJson(directory ?? []) } : unauthorised,
    ),
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
    targets: [floorShareTarget(0.5), webRssTarget],
  },
  vmListScenario("inventory-vms-list", "staff tRPC query inventory.vms, first page of 50 by name, as admin@hostdesk.test (sees every org)", undefined),
  vmListScenario("inventory-vms-production", "inventory.vms filtered to environment=production, first page of 50, as admin@hostdesk.test", "production"),
  impactScenario,
  calculatorScenario,
  queueScenario("helpdesk-queue", "staff tRPC query helpdesk.queue, the open queue's first page of 50 by next deadline, as admin@hostdesk.test", { view: "open" }, [
    p95Target(50),
    floorShareTarget(0.5),
    webRssTarget,
  ]),
  queueScenario("helpdesk-search", `helpdesk.queue over every ticket, full-text search for "${SEARCH_WORDS}" in subjects and messages, as admin@hostdesk.test`, { view: "all", search: SEARCH_WORDS }, [
    p95Target(300),
    webRssTarget,
  ]),
  openTicketScenario,
];
