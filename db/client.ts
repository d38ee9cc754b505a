import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; domain functions accept either so callers can compose them in one transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handles = { pool: pg.Pool; url: string };

// The pool is kept on globalThis so that dev-mode module reloads reuse one pool instead of leaking
// connections, and so that the two copies of this module in the web process (Next's bundle and the
// tRPC endpoint's, loaded by tsx) share one pool.
const holder = globalThis as unknown as { __hostdeskDb?: Handles };

// The Drizzle handle is not shared: each copy of this module wraps the pool with its own copy of
// Drizzle, which then meets only schema objects of the same copy. Across copies every `instanceof`
// in Drizzle fails and falls back to a prototype walk — measured as a twentieth of a queue request.
let local: { pool: pg.Pool; db: Db } | undefined;

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Hostdesk with `npm start` or set DATABASE_URL.");
  return url;
}

export function createPool(url: string, max = Number(process.env.DATABASE_POOL_MAX ?? 10)): pg.Pool {
  // No JIT: Hostdesk's statements are short, and compiling the odd costly one (a broad search)
  // took longer than running it. UTC: times come back as "…+00", which lists pass on as ISO
  // strings without a Date (db/iso-time.ts), and no statement depends on the server's zone.
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, options: "-c jit=off -c TimeZone=UTC" });
  // An idle client's error (e.g. the server restarted) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  // A checked-out client's error fails the query it was running, which reports it; without a listener
  // the same error would also be an unhandled 'error' event and end the process.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

function handles(): Handles {
  const url = databaseUrl();
  if (!holder.__hostdeskDb || holder.__hostdeskDb.url !== url) holder.__hostdeskDb = { pool: createPool(url), url };
  return holder.__hostdeskDb;
}

export function getDb(): Db {
  const { pool } = handles();
  if (local?.pool !== pool) local = { pool, db: createDb(pool) };
  return local.db;
}

export function getPool(): pg.Pool {
  return handles().pool;
}

export async function closeDb(): Promise<void> {
  const h = holder.__hostdeskDb;
  holder.__hostdeskDb = undefined;
  local = undefined;
  if (h) await h.pool.end();
}
