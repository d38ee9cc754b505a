import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { runMigrations } from "graphile-worker";
import pg from "pg";
import { log } from "@/server/log";
import { queueLogger } from "@/server/worker/queue-logger";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK = 72_010_001;

/**
 * Applies the committed Drizzle migrations and graphile-worker's own schema. Safe to run from
 * several processes at once: an advisory lock serialises them and the later ones find nothing to do.
 */
export async function migrateDatabase(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    // Keep Postgres' NOTICEs ("schema already exists, skipping") out of the logs.
    await client.query("set client_min_messages = warning");
    await migrate(drizzle(client), { migrationsFolder });
    await runMigrations({ connectionString, logger: queueLogger });
    log.info("db.migrated", { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
