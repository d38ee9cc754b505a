import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { rolloutHosts, rollouts, snippetRevisions, snippets, tickets, vms } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { announceRollouts } from "./rollout-events";
import { mailStaffAboutFailure, postSystemMessage } from "./rollout-notices";

export type HostStateCounts = { pending: number; applying: number; applied: number; unchanged: number; failed: number };

export async function hostStateCounts(db: DbOrTx, rolloutId: string): Promise<HostStateCounts> {
  const rows = await db
    .select({ state: rolloutHosts.state, n: sql<number>`count(*)::int` })
    .from(rolloutHosts)
    .where(eq(rolloutHosts.rolloutId, rolloutId))
    .groupBy(rolloutHosts.state);
  const counts: HostStateCounts = { pending: 0, applying: 0, applied: 0, unchanged: 0, failed: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

export type FinishResult = { finished: boolean; status: "pending" | "running" | "done" | "failed" | null; counts: HostStateCounts | null };

/**
 * The `finish_rollout` job: closes a rollout once none of its hosts is pending or applying. Every
 * host's apply queues it under one job key, so a burst of hosts finishing costs one count, and the
 * last host's commit always has a check after it. The rollout row is locked, so exactly one check
 * closes it and says so once.
 *
 * Closing: the rollout is `done` (every host applied or unchanged) or `failed`; its revision moves
 * rolling_out → applied (and becomes the snippet's applied revision, older applied ones superseded)
 * or → failed; the snippet's ticket hears the result; staff are mailed about a failure.
 */
export async function finishRollout(db: Db, rolloutId: string): Promise<FinishResult> {
  return db.transaction(async (tx) => {
    const [rollout] = await tx.select().from(rollouts).where(eq(rollouts.id, rolloutId)).for("update");
    if (!rollout) return { finished: false, status: null, counts: null };
    if (rollout.status === "done" || rollout.status === "failed") return { finished: false, status: rollout.status, counts: null };
    const counts = await hostStateCounts(tx, rolloutId);
    if (counts.pending + counts.applying > 0) {
      if (rollout.status === "pending") await tx.update(rollouts).set({ status: "running" }).where(eq(rollouts.id, rolloutId));
      return { finished: false, status: "running", counts };
    }
    const status = counts.failed > 0 ? "failed" : "done";
    await tx.update(rollouts).set({ status, finishedAt: sql`now()` }).where(eq(rollouts.id, rolloutId));
    const revision = rollout.revisionId ? await settleRevision(tx, rollout.revisionId, status) : null;
    await recordAudit(tx, { system: "rollout" }, {
      action: "rollout.finish",
      subjectType: "rollout",
      subjectId: rolloutId,
      orgId: rollout.orgId,
      before: { status: rollout.status },
      after: { status, generation: rollout.generation, counts, revisionId: rollout.revisionId, revisionStatus: revision?.status ?? null },
    });
    await tellPeople(tx, rollout, status, counts, revision);
    await announceRollouts(tx, [rolloutId], "finished");
    return { finished: true, status, counts };
  });
}

type Settled = { status: string; number: number; snippetId: string; kind: string; slug: string; ticketId: string | null; decidedBy: string | null };

/** The revision's end of the rollout; only a revision still rolling out moves (a retry owns a newer rollout). */
async function settleRevision(tx: DbOrTx, revisionId: string, status: "done" | "failed"): Promise<Settled | null> {
  const [row] = await tx
    .select({ revision: snippetRevisions, snippet: snippets })
    .from(snippetRevisions)
    .innerJoin(snippets, eq(snippets.id, snippetRevisions.snippetId))
    .where(eq(snippetRevisions.id, revisionId))
    .for("update");
  if (!row) return null;
  const { revision, snippet } = row;
  let next: string = revision.status;
  if (revision.status === "rolling_out") {
    next = status === "failed" ? "failed" : "applied";
    if (next === "applied") {
      // A newer revision may have reached the hosts first (its apply carried this one's successor).
      const [newer] = await tx
        .select({ id: snippetRevisions.id })
        .from(snippetRevisions)
        .where(and(eq(snippetRevisions.snippetId, snippet.id), gt(snippetRevisions.number, revision.number), eq(snippetRevisions.status, "applied")))
        .limit(1);
      if (newer) next = "superseded";
      else {
        await tx.update(snippets).set({ appliedRevisionId: revisionId, updatedAt: sql`now()` }).where(eq(snippets.id, snippet.id));
        await tx
          .update(snippetRevisions)
          .set({ status: "superseded" })
          .where(and(eq(snippetRevisions.snippetId, snippet.id), lt(snippetRevisions.number, revision.number), eq(snippetRevisions.status, "applied")));
      }
    }
    await tx.update(snippetRevisions).set({ status: next as "applied" | "failed" | "superseded" }).where(eq(snippetRevisions.id, revisionId));
    await recordAudit(tx, { system: "rollout" }, {
      action: next === "failed" ? "snippet.rollout_failed" : "snippet.applied",
      subjectType: "snippet_revision",
      subjectId: revisionId,
      orgId: snippet.orgId,
      before: { status: revision.status },
      after: { status: next },
    });
  }
  return { status: next, number: revision.number, snippetId: snippet.id, kind: snippet.kind, slug: snippet.slug, ticketId: snippet.ticketId, decidedBy: revision.decidedBy };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const FAILED_HOSTS_SHOWN = 10;

async function tellPeople(tx: DbOrTx, rollout: typeof rollouts.$inferSelect, status: "done" | "failed", counts: HostStateCounts, revision: Settled | null) {
  const total = counts.applied + counts.unchanged + counts.failed;
  const what = revision ? `Revision ${revision.number} of the ${revision.kind} snippet ${revision.slug}` : `Converge pass ${rollout.generation}`;
  if (status === "done") {
    if (revision?.ticketId) {
      await postSystemMessage(tx, revision.ticketId, `${what} is live on ${plural(total, "host")} (${counts.applied} changed, ${counts.unchanged} already had it).`, "public");
    }
    return;
  }
  const failedHosts = await tx
    .select({ name: vms.name, log: rolloutHosts.log })
    .from(rolloutHosts)
    .innerJoin(vms, eq(vms.id, rolloutHosts.vmId))
    .where(and(eq(rolloutHosts.rolloutId, rollout.id), eq(rolloutHosts.state, "failed")))
    .orderBy(asc(vms.name))
    .limit(FAILED_HOSTS_SHOWN);
  const details = failedHosts.map((h) => `**${h.name}**\n\n\`\`\`\n${lastLines(h.log, 12)}\n\`\`\``).join("\n\n");
  const more = counts.failed > failedHosts.length ? `\n\n…and ${counts.failed - failedHosts.length} more failed hosts.` : "";
  if (revision?.ticketId) {
    await postSystemMessage(
      tx,
      revision.ticketId,
      `${what} could not be applied on ${counts.failed} of ${plural(total, "host")}. Those hosts keep their previous configuration; support has been told and will follow up here.`,
      "public",
    );
    await postSystemMessage(tx, revision.ticketId, `Rollout ${rollout.generation} failed on ${plural(counts.failed, "host")}:\n\n${details}${more}`, "internal");
  }
  let assignee: string | null = null;
  if (revision?.ticketId) [{ assignee = null } = { assignee: null }] = await tx.select({ assignee: tickets.assigneeId }).from(tickets).where(eq(tickets.id, revision.ticketId));
  await mailStaffAboutFailure(tx, {
    rolloutId: rollout.id,
    userIds: [revision?.decidedBy, assignee],
    ticketId: revision?.ticketId ?? null,
    subject: `Rollout failed: ${what}`,
    body: `${what} failed on ${counts.failed} of ${plural(total, "host")} (rollout ${rollout.generation}).\n\n${failedHosts.map((h) => `${h.name}:\n${lastLines(h.log, 12)}`).join("\n\n")}${more}`,
  });
}

function lastLines(text: string, n: number): string {
  return text.split("\n").slice(-n).join("\n").replaceAll("```", "'''");
}
