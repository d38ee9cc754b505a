import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { reviews, snippetRevisions, snippets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit, type AuditActor } from "@/server/audit/record";
import { requestRollout, type RequestedRollout } from "@/server/rollout/request";
import type { RevisionRow, SnippetRow } from "./access";
import { announceDecision } from "./change-ticket";
import { requireTransition, supersedeOlder } from "./lifecycle";
import type { Target } from "./scope";

/**
 * Approves one submitted revision (both locked by the caller) and hands it to the rollout in the
 * same transaction. `reviewer` null: the system, under an auto grant. Older revisions not yet on the
 * hosts are superseded: the hosts converge to the newest approved content.
 */
export async function approveLocked(tx: Tx, reviewer: Actor | null, snippet: SnippetRow, revision: RevisionRow, target: Target, note?: string): Promise<RequestedRollout> {
  requireTransition(revision, "approved", "approved");
  const now = new Date();
  await tx.update(snippetRevisions).set({ status: "approved", decidedBy: reviewer?.userId ?? null, decidedAt: now }).where(eq(snippetRevisions.id, revision.id));
  await tx.insert(reviews).values({ revisionId: revision.id, reviewerId: reviewer?.userId ?? null, decision: "approved", reason: note ?? (reviewer ? null : "auto grant"), at: now });
  const superseded = await supersedeOlder(tx, snippet.id, revision.number, ["draft", "submitted", "approved", "failed"]);
  await tx.update(snippets).set({ approvedRevisionId: revision.id, updatedAt: now }).where(eq(snippets.id, snippet.id));
  const rollout = await requestRollout(tx, revision.id);
  const auditActor: AuditActor = reviewer ?? { system: "auto-grant" };
  await recordAudit(tx, auditActor, {
    action: "snippet.approve",
    subjectType: "snippet_revision",
    subjectId: revision.id,
    orgId: snippet.orgId,
    before: { status: revision.status },
    after: { status: "rolling_out", number: revision.number, snippetId: snippet.id, rolloutId: rollout.rolloutId, superseded, note: note ?? null },
  });
  if (reviewer) await announceDecision(tx, reviewer, snippet, revision, target, { approved: true, hosts: rollout.hostsTotal, note });
  return rollout;
}

/** Rejects one submitted revision (locked by the caller), with the reason the customer will read. */
export async function rejectLocked(tx: Tx, reviewer: Actor, snippet: SnippetRow, revision: RevisionRow, target: Target, reason: string): Promise<void> {
  requireTransition(revision, "rejected", "rejected");
  const now = new Date();
  await tx
    .update(snippetRevisions)
    .set({ status: "rejected", decidedBy: reviewer.userId, decidedAt: now, rejectReason: reason })
    .where(eq(snippetRevisions.id, revision.id));
  await tx.insert(reviews).values({ revisionId: revision.id, reviewerId: reviewer.userId, decision: "rejected", reason, at: now });
  await tx.update(snippets).set({ updatedAt: now }).where(eq(snippets.id, snippet.id));
  await recordAudit(tx, reviewer, {
    action: "snippet.reject",
    subjectType: "snippet_revision",
    subjectId: revision.id,
    orgId: snippet.orgId,
    before: { status: revision.status },
    after: { status: "rejected", number: revision.number, snippetId: snippet.id, reason },
  });
  await announceDecision(tx, reviewer, snippet, revision, target, { approved: false, reason });
}
