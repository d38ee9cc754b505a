import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

type Prepared = { execute(values?: Record<string, unknown>): Promise<unknown> };

// Per database handle: a statement prepared through one handle runs on that handle's pool.
const statements = new WeakMap<DbOrTx, Map<string, Prepared>>();

/**
 * Shapes kept prepared per handle. Requests choose their shape (filters, page size), so without a
 * bound a client could make every connection hold thousands of plans; past it, new shapes are
 * planned per request like any other statement.
 */
export const MAX_PREPARED_SHAPES = 256;

/**
 * A statement built once per shape and kept prepared: Drizzle builds its SQL once instead of on every
 * request (half the Node time of a queue page), and each connection parses it once and, once
 * Postgres has seen that a generic plan is as good, plans it once (see `inlined`).
 *
 * Every value that varies within a shape must be a `sql.placeholder`, so that one name always means
 * one SQL text (node-postgres refuses to reuse a name for another text): name shapes with
 * `shapeName`. Not for statements whose best plan depends on their values, such as full-text search,
 * where how common the words are decides the plan.
 */
export function preparedStatement<T extends Prepared>(db: DbOrTx, name: string, build: (name: string) => T): T {
  // Postgres truncates longer names, which could make two shapes collide.
  if (Buffer.byteLength(name) > 63) throw new Error(`statement name "${name}" is longer than Postgres keeps (63 bytes)`);
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement) return statement;
  // An empty name is node-postgres's unnamed statement: parsed and planned for this run only.
  if (byName.size >= MAX_PREPARED_SHAPES) return build("");
  statement = build(name);
  byName.set(name, statement);
  return statement;
}

type Runnable<T> = { execute(values?: Record<string, unknown>): Promise<T>; prepare(name: string): { execute(values?: Record<string, unknown>): Promise<T> } };

/**
 * Runs a statement kept prepared under `name`, or, without a name (a shape whose plan depends on its
 * values), builds and plans it for this run only.
 */
export function runShape<T>(db: DbOrTx, name: string | undefined, build: () => Runnable<T>, values: Record<string, unknown>): Promise<T> {
  return name ? preparedStatement(db, name, (n) => build().prepare(n)).execute(values) : build().execute(values);
}

/** A statement name for one shape of request: everything that changes the statement's text. */
export function shapeName(prefix: string, shape: Record<string, string | number | boolean | undefined>): string {
  return `${prefix}_${createHash("sha1").update(JSON.stringify(shape)).digest("base64url").slice(0, 20)}`;
}

/**
 * A value written into the statement's text instead of bound: an enum label, or a LIMIT or OFFSET
 * the code computed — never text a user typed. Postgres keeps one generic plan for a prepared
 * statement only when that plan's estimate is no worse than plans made for the bound values; with a
 * LIMIT or an enum filter bound, it cannot tell how few rows a page needs and plans every run anew
 * (a third of a millisecond for the VM list's four-table page).
 */
export function inlined(value: string | number): SQL {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`only whole counts are inlined, not ${value}`);
    return sql.raw(String(value));
  }
  if (!/^[a-z_]+$/.test(value)) throw new Error(`only enum labels are inlined, not "${value}"`);
  return sql.raw(`'${value}'`);
}

/** `inlined` for a list, as `in (…)` takes it. */
export const inlinedList = (values: readonly (string | number)[]): SQL => sql`(${sql.join(values.map(inlined), sql`, `)})`;

/** `inlined` for `.limit()` and `.offset()`, which Drizzle types as numbers but renders any SQL in. */
export const inlinedCount = (n: number): number => inlined(n) as unknown as number;
