import type { Db, Tx } from "@/db/client";

/**
 * createTicket and replyToTicket take a Db and open their own transaction on it. Handed our
 * transaction instead, drizzle opens a savepoint, so one mail's ticket, message, Message-ID,
 * audit and outbound notices commit together or not at all — and before we answer 250.
 * A transaction has the same query API; only the pool-level `$client` is missing, which they do not use.
 * (Typing those functions' first parameter as DbOrTx would make this cast unnecessary.)
 */
export const inTransaction = (tx: Tx): Db => tx as unknown as Db;
