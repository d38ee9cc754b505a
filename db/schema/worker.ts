import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Live worker processes; a worker whose heartbeat stops has its queue jobs unlocked by the others. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  hostname: text("hostname").notNull(),
  pid: integer("pid").notNull(),
  /** graphile-worker ids of this process's workers: what to unlock when the process dies holding jobs. */
  queueWorkerIds: text("queue_worker_ids").array().notNull().default([]),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
});
