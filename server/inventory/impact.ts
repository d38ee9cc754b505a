import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { nodesCutOffBy } from "./graph";
import { rememberGraphAnswer } from "./graph-cache";
import { edgesIntoDescendants } from "./graph-queries";
import { nodeRowsSql, resolveNodes, toInventoryNode, type NodeKind, type NodeRow } from "./nodes";
import { nodeIdInput } from "./schemas";

export type AffectedCustomer = { orgId: string; orgName: string; vmCount: number; serviceCount: number; vmNames: string[] };

/** One page of the list of what goes down; the counts and customers always cover all of it. */
export const AFFECTED_PAGE_SIZE = 100;
/** Names shown per customer; the counts say how many more. */
export const VM_NAMES_PER_CUSTOMER = 8;
export const PICTURE_LIMIT = 400;

export const impactInput = nodeIdInput.extend({ page: z.number().int().min(1).max(10_000).default(1) });

type SummaryRow = {
  page: NodeRow[];
  customers: { org_id: string; org_name: string; vm_count: number; service_count: number; vm_names: string[] | null }[];
};

/**
 * Names and customers of the nodes cut off, aggregated in Postgres: the rows are read once (the
 * materialised CTE) and only a page of them and one line per customer travel to Node, not every
 * one of the thousands of VMs and services behind a hypervisor.
 */
async function summarise(db: DbOrTx, cutOff: readonly string[], kinds: ReadonlyMap<string, NodeKind>, page: number) {
  if (cutOff.length === 0) return { page: [], customers: [] };
  const result = await db.execute<SummaryRow>(sql`
    with affected as materialized (${nodeRowsSql(cutOff, kinds)})
    select
      (select coalesce(json_agg(p), '[]') from (
        select * from affected
        order by array_position(array['device', 'storage_pool', 'vm', 'service'], kind), lower(name), id
        limit ${AFFECTED_PAGE_SIZE} offset ${(page - 1) * AFFECTED_PAGE_SIZE}) p) as page,
      (select coalesce(json_agg(c order by lower(c.org_name)), '[]') from (
        select org_id, org_name,
          count(*) filter (where kind = 'vm')::int as vm_count,
          count(*) filter (where kind = 'service')::int as service_count,
          (array_agg(name order by lower(name)) filter (where kind = 'vm'))[1:${VM_NAMES_PER_CUSTOMER}] as vm_names
        from affected where org_id is not null group by org_id, org_name) c) as customers`);
  const row = result.rows[0] ?? { page: [], customers: [] };
  return {
    page: row.page.map(toInventoryNode),
    customers: row.customers.map(
      (c): AffectedCustomer => ({ orgId: c.org_id, orgName: c.org_name, vmCount: c.vm_count, serviceCount: c.service_count, vmNames: c.vm_names ?? [] }),
    ),
  };
}

/**
 * What fails with a node: every transitive dependent cut off when it goes down, honouring
 * redundancy groups (one of two routers failing cuts off nothing), and the customers hit. Staff only:
 * it spans every customer. Answers are remembered until the graph changes: in an incident everyone
 * on the desk opens the impact of the same failed device, and behind a hypervisor that is a walk over
 * a thousand nodes each time.
 */
export async function impactOf(db: DbOrTx, actor: Actor, input: z.input<typeof impactInput>) {
  requireStaff(actor);
  const { nodeId, page } = impactInput.parse(input);
  return rememberGraphAnswer(db, `impact:${nodeId}:${page}`, () => computeImpact(db, nodeId, page));
}

async function computeImpact(db: DbOrTx, nodeId: string, page: number) {
  const edges = await edgesIntoDescendants(db, nodeId);
  const cutOff = [...nodesCutOffBy([nodeId], edges)];
  const kinds = new Map(edges.map((e) => [e.childId, e.childKind]));
  // Small outcomes are drawn, so every node in them is named; large ones only get the list's page.
  const drawable = cutOff.length + 1 <= PICTURE_LIMIT;
  const [nodes, summary] = await Promise.all([resolveNodes(db, drawable ? [nodeId, ...cutOff] : [nodeId], kinds), summarise(db, cutOff, kinds, page)]);
  const node = nodes.get(nodeId);
  if (!node) throw notFound("That inventory item");

  const count = (kind: NodeKind) => cutOff.reduce((n, id) => (kinds.get(id) === kind ? n + 1 : n), 0);
  return {
    node,
    affected: summary.page,
    page,
    pageSize: AFFECTED_PAGE_SIZE,
    counts: { devices: count("device"), storagePools: count("storage_pool"), vms: count("vm"), services: count("service"), total: cutOff.length },
    customers: summary.customers,
    /** The node and what fails with it, with the edges among them; null when too many to draw. */
    picture: drawable ? { nodes: [...nodes.values()], edges: edges.filter((e) => nodes.has(e.parentId) && nodes.has(e.childId)) } : null,
  };
}
