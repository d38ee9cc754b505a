import pg from "pg";
import { createDb, createPool } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { startEmbeddedPostgres } from "@/server/launcher/embedded-postgres";
import { migrateDatabase } from "@/server/launcher/migrate";

/** A connection URL for another database on the same server. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates a database, optionally as a copy of a template. Retries while another clone holds the template. */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const statement = `create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ""}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(serverUrl, statement);
      return databaseUrlFor(serverUrl, name);
    } catch (error) {
      const busy = (error as { code?: string }).code === "55006"; // object_in_use: template being copied
      if (!busy || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `drop database if exists ${quoteIdent(name)} with (force)`);
}

/**
 * The Postgres server tests run on: `DATABASE_URL`'s server when set (CI), else an embedded one
 * under `.data/<name>`. Returns its maintenance-database URL and how to stop what was started.
 */
export async function testPostgresServer(name: string, port: number): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { serverUrl: databaseUrlFor(process.env.DATABASE_URL, "postgres"), stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({ name, port, database: "postgres" });
  return { serverUrl: databaseUrlFor(embedded.url, "postgres"), stop: embedded.stop };
}

/** A migrated database holding the demo seed, for clones to start from. */
export async function createSeededTemplate(serverUrl: string, name: string): Promise<void> {
  await dropDatabase(serverUrl, name);
  const url = await createDatabase(serverUrl, name);
  await migrateDatabase(url);
  const pool = createPool(url, 2);
  try {
    await seedDemo(createDb(pool));
  } finally {
    await pool.end();
  }
}
