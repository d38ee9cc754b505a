import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { requireDeskStaff } from "./access";
import { listQueue } from "./queue";
import type { QueueView } from "./schemas";

/** The views whose size helps triage. Done and All only grow, and would cost the most to count. */
export const countedViews = ["open", "unassigned", "mine", "team", "escalated", "due_soon", "breached", "waiting"] as const satisfies readonly QueueView[];

/**
 * How many tickets each working view holds, each count capped like the queue's own (listQueue),
 * so a busy desk costs a bounded index walk per view, and the views are counted exactly as listed.
 */
export async function queueCounts(db: DbOrTx, actor: Actor) {
  requireDeskStaff(actor);
  const counted = await Promise.all(
    countedViews.map(async (view) => {
      const { total, totalIsCapped } = await listQueue(db, actor, { view, pageSize: 10 });
      return [view, { total, capped: totalIsCapped }] as const;
    }),
  );
  return Object.fromEntries(counted) as Record<(typeof countedViews)[number], { total: number; capped: boolean }>;
}
