import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type NodeKind = "device" | "storage_pool" | "vm" | "service";

/** Any node of the data-centre graph, with what a person needs to recognise it. */
export type InventoryNode = {
  id: string;
  kind: NodeKind;
  name: string;
  /** Device kind, VM environment or service kind. */
  detail: string | null;
  /** The customer org, for VMs and services. */
  orgId: string | null;
  orgName: string | null;
  status: string | null;
};

/** Looks up nodes of every kind by id in one round trip. Unknown ids are simply absent. */
export async function resolveNodes(db: DbOrTx, ids: readonly string[]): Promise<Map<string, InventoryNode>> {
  if (ids.length === 0) return new Map();
  // One array parameter, not one parameter per id: the list can run to hundreds of thousands.
  const list = sql`${sql.param([...ids])}::uuid[]`;
  const result = await db.execute<{
    id: string;
    kind: NodeKind;
    name: string;
    detail: string | null;
    org_id: string | null;
    org_name: string | null;
    status: string | null;
  }>(sql`
    select d.id, 'device' as kind, d.name, d.kind::text as detail, null::uuid as org_id, null as org_name, d.status::text as status
      from devices d where d.id = any(${list})
    union all
    select p.id, 'storage_pool', p.name, 'pool', null, null, null from storage_pools p where p.id = any(${list})
    union all
    select v.id, 'vm', v.name, v.environment::text, v.org_id, o.name, v.status::text
      from vms v join orgs o on o.id = v.org_id where v.id = any(${list})
    union all
    select s.id, 'service', v.name || ' / ' || s.name, s.kind, s.org_id, o.name, case when s.retired_at is null then 'active' else 'retired' end
      from services s join vms v on v.id = s.vm_id join orgs o on o.id = s.org_id where s.id = any(${list})
  `);
  return new Map(
    result.rows.map((row) => [
      row.id,
      { id: row.id, kind: row.kind, name: row.name, detail: row.detail, orgId: row.org_id, orgName: row.org_name, status: row.status },
    ]),
  );
}
