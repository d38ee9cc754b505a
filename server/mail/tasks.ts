import { sql } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "@/db/client";
import { log } from "@/server/log";
import { deliverOutboundMail, MAX_DELIVERY_ATTEMPTS } from "./delivery";
import { DELIVER_TASK, enqueueDelivery } from "./enqueue";
import { mailTransport } from "./transport";

const deliverPayload = z.object({ mailId: z.uuid() });

/** How far back the safety net looks: a notice older than a day is news nobody wants any more. */
const REQUEUE_WITHIN = "1 day";

/**
 * Outbox rows that should be on their way but have no job: written while SMTP_URL was unset, or
 * whose job was lost. Rows waiting out a backoff still have their job and are left alone.
 */
export async function requeueStrandedMail(): Promise<number> {
  if (!mailTransport()) return 0;
  const db = getDb();
  const stranded = await db.execute<{ id: string }>(sql`
    select m.id from outbound_mail m
    where m.sent_at is null and m.attempts < ${MAX_DELIVERY_ATTEMPTS} and m.created_at > now() - ${REQUEUE_WITHIN}::interval
      and not exists (select 1 from graphile_worker.jobs j where j.key = 'outbound_mail:' || m.id::text)
    order by m.created_at limit 1000`);
  await enqueueDelivery(db, stranded.rows.map((r) => r.id));
  return stranded.rows.length;
}

/** The worker's mail tasks, merged into server/worker/tasks.ts. */
export const mailTasks: Record<string, Task> = {
  [DELIVER_TASK]: async (payload) => {
    const { mailId } = deliverPayload.parse(payload);
    const result = await deliverOutboundMail(getDb(), mailId, mailTransport());
    // Throwing hands the job back to graphile-worker, which runs it again after an exponential backoff.
    if (result === "retry") throw new Error(`mail ${mailId} not delivered yet; will retry`);
  },
  requeue_outbound_mail: async () => {
    const requeued = await requeueStrandedMail();
    if (requeued > 0) log.info("mail.requeued_stranded", { requeued });
  },
};

/** Event-driven delivery (a job per mail, queued with it) is the mechanism; this is the safety net. */
export const mailCrontab = "*/5 * * * * requeue_outbound_mail ?jobKey=requeue_outbound_mail";
