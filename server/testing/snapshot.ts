import { getPool } from "@/db/client";

/**
 * A fingerprint of every row in every table of the app's schema (and the job queue), to prove that a
 * refused request changed nothing at all.
 */
export async function databaseFingerprint(options: { exceptTables?: string[] } = {}): Promise<Record<string, string>> {
  const pool = getPool();
  const tables = await pool.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in ('public', 'graphile_worker') order by 1, 2`,
  );
  const result: Record<string, string> = {};
  for (const { schema, name } of tables.rows) {
    if (options.exceptTables?.includes(name)) continue;
    const row = await pool.query<{ digest: string | null; n: string }>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::text as n from "${schema}"."${name}" t`,
    );
    result[`${schema}.${name}`] = `${row.rows[0]?.n}:${row.rows[0]?.digest}`;
  }
  return result;
}
