import type pg from "pg";
import journal from "@/db/migrations/meta/_journal.json";

export type Readiness = {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  expectedMigration: string;
  appliedMigrations?: number;
};

const lastEntry = journal.entries.at(-1);

/**
 * Ready means: the database answers, and every migration this build was made with is applied.
 * Drizzle records each applied migration with the journal's `when`; the newest must have been reached.
 */
export async function checkReadiness(pool: pg.Pool): Promise<Readiness> {
  const expectedMigration = lastEntry?.tag ?? "none";
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch {
    return { ready: false, database: "unreachable", migrations: "unknown", expectedMigration };
  }
  try {
    const table = await client.query<{ exists: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
    if (!table.rows[0]?.exists) return { ready: false, database: "ok", migrations: "pending", expectedMigration, appliedMigrations: 0 };
    const applied = await client.query<{ count: string; newest: string | null }>(
      `select count(*)::text as count, max(created_at)::text as newest from drizzle.__drizzle_migrations`,
    );
    const row = applied.rows[0];
    const newest = Number(row?.newest ?? 0);
    const current = !lastEntry || newest >= lastEntry.when;
    return {
      ready: current,
      database: "ok",
      migrations: current ? "current" : "pending",
      expectedMigration,
      appliedMigrations: Number(row?.count ?? 0),
    };
  } catch {
    return { ready: false, database: "unreachable", migrations: "unknown", expectedMigration };
  } finally {
    client.release();
  }
}
