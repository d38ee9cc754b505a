import { and, getTableColumns, isNull, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { backups, dependencies, devices, racks, services, sites, storagePools, vms } from "@/db/schema";
import type { ImportPlan } from "./plan";

/** Rows per statement: big enough that round trips do not dominate, small enough to keep each statement's memory modest. */
export const BATCH_ROWS = 1000;

async function inBatches<Row>(rows: readonly Row[], write: (batch: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) await write(rows.slice(start, start + BATCH_ROWS));
}

/**
 * Inserts or updates rows by id, a batch per statement. The batch travels as one JSON parameter
 * that `jsonb_to_recordset` turns back into typed rows: building a statement with a parameter per
 * value cost more in the query builder than the database took to run it (about a tenth of a second
 * per thousand rows), which at 50,000 VMs and their services is most of a minute.
 *
 * Only the fields the planned rows carry are written, and on conflict only those are updated, so an
 * import never touches what the document does not describe (a backup's last success, created_at).
 */
async function upsertById<T extends PgTable>(tx: Tx, table: T, rows: readonly (Partial<T["$inferInsert"]> & { id: string })[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const fields = Object.keys(first).map((field) => {
    const column = columns[field];
    if (!column) throw new Error(`${field} is not a column of the table being imported`);
    return { field, column: sql.identifier(column.name), type: sql.raw(column.getSQLType()), key: sql.identifier(field) };
  });
  const into = sql.join(fields.map((f) => f.column), sql`, `);
  const picked = sql.join(fields.map((f) => f.key), sql`, `);
  const shape = sql.join(fields.map((f) => sql`${f.key} ${f.type}`), sql`, `);
  const set = sql.join(fields.filter((f) => f.field !== "id").map((f) => sql`${f.column} = excluded.${f.column}`), sql`, `);
  await inBatches(rows, (batch) =>
    tx.execute(sql`
      insert into ${table} (${into})
      select ${picked} from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(${shape})
      on conflict (id) do update set ${set}`),
  );
}

/**
 * Writes the plan, parents before children. Created and updated rows go through the same upsert:
 * the plan already gave every row its final id (the stored row's when it exists).
 */
export async function applyImportPlan(tx: Tx, plan: ImportPlan): Promise<void> {
  const { writes } = plan;
  await upsertById(tx, sites, writes.sites);
  await upsertById(tx, racks, writes.racks);
  await upsertById(tx, devices, writes.devices);
  await upsertById(tx, storagePools, writes.pools);
  await upsertById(tx, vms, writes.vms);
  await upsertById(tx, services, writes.services);

  // A VM the document retires takes its running services with it, as retiring it by hand does;
  // the document cannot list services on a retired VM, so none of them was written above.
  await inBatches(plan.newlyRetiredVmIds, (batch) =>
    tx
      .update(services)
      .set({ retiredAt: sql`now()` })
      .where(and(sql`${services.vmId} = any(${sql.param(batch)}::uuid[])`, isNull(services.retiredAt))),
  );

  await upsertById(tx, dependencies, writes.dependencies);
  await upsertById(tx, backups, writes.backups);
}
