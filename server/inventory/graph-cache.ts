import type { DbOrTx } from "@/db/client";
import { inventoryGeneration } from "@/db/schema";

/** Answers kept per database handle; the oldest goes first once a handle holds this many. */
const MAX_ENTRIES = 256;

const caches = new WeakMap<DbOrTx, Map<string, Promise<unknown>>>();

/**
 * The generation of the data-centre graph as this handle sees it (moved on by triggers on every
 * write to the tables the graph is read from; db/schema/inventory.ts).
 */
export async function currentGeneration(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ generation: inventoryGeneration.generation }).from(inventoryGeneration);
  if (!row) throw new Error("inventory_generation has no row: the database missed migration 0007");
  return row.generation;
}

/**
 * An answer computed from the data-centre graph, remembered until the graph changes. The generation
 * is read before the answer is computed, so an answer is never older than the generation it is filed
 * under (at worst newer, if a write lands in between, and replaced on the next request). Concurrent
 * requests for the same answer share one computation; a failed one is not remembered. Each database
 * handle has its own entries: a transaction sees its own uncommitted writes, and only itself.
 */
export async function rememberGraphAnswer<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  const generationKey = `${await currentGeneration(db)}:${key}`;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const known = cache.get(generationKey) as Promise<T> | undefined;
  if (known) {
    // Refresh its place: the map's order is least recently used first.
    cache.delete(generationKey);
    cache.set(generationKey, known);
    return known;
  }
  const answer = compute();
  cache.set(generationKey, answer);
  answer.catch(() => cache.delete(generationKey));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return answer;
}
