import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export const DELIVER_TASK = "deliver_outbound_mail";
/** graphile-worker's retries are the backoff; our own counter (delivery.ts) decides when to give up. */
const JOB_MAX_ATTEMPTS = 25;

export const deliveryJobKey = (mailId: string) => `outbound_mail:${mailId}`;

/**
 * Queues delivery of outbox rows, in the transaction that wrote them: the job exists exactly when
 * the mail does. One job per mail with its own key, so concurrent ticket changes never wait on a
 * shared queue row, and queuing a mail twice leaves one job.
 */
export async function enqueueDelivery(tx: DbOrTx, mailIds: readonly string[]): Promise<void> {
  if (mailIds.length === 0) return;
  const ids = `{${mailIds.join(",")}}`;
  await tx.execute(sql`
    select graphile_worker.add_job(${DELIVER_TASK}, json_build_object('mailId', id), max_attempts := ${JOB_MAX_ATTEMPTS}, job_key := 'outbound_mail:' || id::text)
    from unnest(${ids}::uuid[]) as id`);
}
