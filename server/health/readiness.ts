import type pg from "pg";
import { createPool, databaseUrl } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { log } from "@/server/log";

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

/**
 * Waits until the database answers and is migrated, saying so now and then, before a process opens
 * its port: a load balancer or an MTA never meets a half-ready instance.
 */
export async function waitUntilReady(processName: string): Promise<void> {
  const probe = createPool(databaseUrl(), 1);
  try {
    for (let attempt = 1; ; attempt++) {
      const readiness = await checkReadiness(probe);
      if (readiness.ready) return;
      if (attempt === 1 || attempt % 10 === 0) log.warn(`${processName}.waiting_for_database`, { ...readiness });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await probe.end();
  }
}
