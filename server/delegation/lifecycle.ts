import { and, eq, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { snippetRevisions } from "@/db/schema";
import { conflict } from "@/server/errors";
import type { RevisionRow } from "./access";

export type RevisionStatus = RevisionRow["status"];

/**
 * The legal moves of a revision. Content never changes (the database refuses it); only this status
 * moves, and only along these edges. The rollout worker owns rolling_out → applied | failed and the
 * retry failed → rolling_out.
 */
export const revisionTransitions: Record<RevisionStatus, readonly RevisionStatus[]> = {
  draft: ["submitted", "superseded"],
  submitted: ["approved", "rejected", "superseded"],
  approved: ["rolling_out", "superseded"],
  rolling_out: ["applied", "failed"],
  failed: ["rolling_out", "superseded"],
  applied: ["superseded"],
  rejected: [],
  superseded: [],
};

const described: Record<RevisionStatus, string> = {
  draft: "still a draft",
  submitted: "already waiting for review",
  approved: "already approved",
  rejected: "rejected",
  rolling_out: "rolling out",
  applied: "applied",
  failed: "failed to roll out",
  superseded: "superseded by a newer revision",
};

const hints: Partial<Record<RevisionStatus, string>> = {
  draft: " Submit it first.",
  rejected: " Save a new draft (or roll back to it) to try again.",
  superseded: " Work on the newest revision instead.",
  rolling_out: " Wait for the rollout to finish.",
};

/** Refuses a move the lifecycle does not allow, saying where the revision stands and what to do instead. */
export function requireTransition(revision: Pick<RevisionRow, "number" | "status">, to: RevisionStatus, action: string): void {
  if (revisionTransitions[revision.status].includes(to)) return;
  throw conflict(`Revision ${revision.number} is ${described[revision.status]}, so it cannot be ${action}.${hints[revision.status] ?? ""}`);
}

/**
 * Marks older revisions of a snippet that are still in one of `statuses` as superseded: a newer
 * draft replaces older drafts, a newer submission older pending ones, a newer approval every older
 * revision not yet on the hosts. Revisions in flight (rolling_out) are left to the rollout.
 */
export async function supersedeOlder(tx: DbOrTx, snippetId: string, number: number, statuses: readonly RevisionStatus[]): Promise<number> {
  const rows = await tx
    .update(snippetRevisions)
    .set({ status: "superseded" })
    .where(and(eq(snippetRevisions.snippetId, snippetId), lt(snippetRevisions.number, number), inArray(snippetRevisions.status, [...statuses])))
    .returning({ id: snippetRevisions.id });
  return rows.length;
}
