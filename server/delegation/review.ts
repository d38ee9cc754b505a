import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { orgs, snippetRevisions, snippets, tickets, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { badRequest, forbidden } from "@/server/errors";
import { requireDelegationStaff, revisionFor, type RevisionRow, type SnippetRow } from "./access";
import { approveLocked, rejectLocked } from "./decisions";
import { kindOf } from "./kinds/registry";
import { approvalsQueueInput, approveInput, approveManyInput, rejectInput, rejectManyInput } from "./schemas";
import { hostsAffected } from "./scope";
import { snippetSetting } from "./snippet-context";
import type { ValidationReport } from "./validation";

/** Four eyes: whoever wrote a change does not approve it too. */
function requireSomeoneElse(actor: Actor, revision: RevisionRow): void {
  if (revision.authorId === actor.userId) throw forbidden(`You wrote revision ${revision.number}; another member of staff must review it.`);
}

async function approveOne(tx: Tx, actor: Actor, snippet: SnippetRow, revision: RevisionRow, note?: string) {
  requireSomeoneElse(actor, revision);
  const { target } = await snippetSetting(tx, snippet);
  const rollout = await approveLocked(tx, actor, snippet, revision, target, note);
  return { revisionId: revision.id, rolloutId: rollout.rolloutId, generation: rollout.generation, hostsTotal: rollout.hostsTotal };
}

/** Approves a submitted revision and starts its rollout, in one transaction. */
export async function approveRevision(db: Db, actor: Actor, input: z.input<typeof approveInput>) {
  requireDelegationStaff(actor);
  const { revisionId, note } = approveInput.parse(input);
  return db.transaction(async (tx) => {
    const { snippet, revision } = await revisionFor(tx, actor, revisionId, true);
    return approveOne(tx, actor, snippet, revision, note);
  });
}

/** Rejects a submitted revision with the reason the customer reads on the change ticket. */
export async function rejectRevision(db: Db, actor: Actor, input: z.input<typeof rejectInput>) {
  requireDelegationStaff(actor);
  const { revisionId, reason } = rejectInput.parse(input);
  return db.transaction(async (tx) => {
    const { snippet, revision } = await revisionFor(tx, actor, revisionId, true);
    const { target } = await snippetSetting(tx, snippet);
    await rejectLocked(tx, actor, snippet, revision, target, reason);
    return { revisionId, status: "rejected" as const };
  });
}

/**
 * Locks the revisions' snippets in id order (so two bulk actions over overlapping snippets cannot
 * deadlock), then each revision; all or nothing.
 */
async function lockMany(tx: Tx, actor: Actor, revisionIds: string[]) {
  const unique = [...new Set(revisionIds)];
  const owners = await tx.select({ id: snippetRevisions.id, snippetId: snippetRevisions.snippetId }).from(snippetRevisions).where(inArray(snippetRevisions.id, unique));
  if (owners.length !== unique.length) throw badRequest("Some of those changes no longer exist.");
  const snippetIds = [...new Set(owners.map((o) => o.snippetId))].sort();
  await tx.select({ id: snippets.id }).from(snippets).where(inArray(snippets.id, snippetIds)).orderBy(snippets.id).for("update");
  // Oldest first within a snippet, so approving several revisions of one snippet ends on the newest.
  const locked = [];
  for (const id of unique) locked.push(await revisionFor(tx, actor, id, true));
  return locked.sort((a, b) => a.snippet.id.localeCompare(b.snippet.id) || a.revision.number - b.revision.number);
}

export async function approveManyRevisions(db: Db, actor: Actor, input: z.input<typeof approveManyInput>) {
  requireDelegationStaff(actor);
  const { revisionIds } = approveManyInput.parse(input);
  return db.transaction(async (tx) => {
    const approved = [];
    for (const { snippet, revision } of await lockMany(tx, actor, revisionIds)) {
      // An older revision of a snippet approved earlier in this batch was superseded by the newer one: re-read it.
      const [fresh] = await tx.select().from(snippetRevisions).where(eq(snippetRevisions.id, revision.id));
      if (fresh!.status === "superseded") continue;
      approved.push(await approveOne(tx, actor, snippet, fresh!));
    }
    return { approved: approved.length, rollouts: approved };
  });
}

export async function rejectManyRevisions(db: Db, actor: Actor, input: z.input<typeof rejectManyInput>) {
  requireDelegationStaff(actor);
  const { revisionIds, reason } = rejectManyInput.parse(input);
  return db.transaction(async (tx) => {
    for (const { snippet, revision } of await lockMany(tx, actor, revisionIds)) {
      const { target } = await snippetSetting(tx, snippet);
      await rejectLocked(tx, actor, snippet, revision, target, reason);
    }
    return { rejected: new Set(revisionIds).size };
  });
}

/**
 * The desk's review queue: every submitted revision, oldest submission first, with what a reviewer
 * weighs — the org, the kind, how many hosts it reaches, the reload it triggers, the findings.
 */
export async function approvalsQueue(db: DbOrTx, actor: Actor, input: z.input<typeof approvalsQueueInput>) {
  requireDelegationStaff(actor);
  const { orgId, kind } = approvalsQueueInput.parse(input ?? {});
  const conditions: (SQL | undefined)[] = [eq(snippetRevisions.status, "submitted"), orgId ? eq(snippets.orgId, orgId) : undefined, kind ? eq(snippets.kind, kind) : undefined];
  const rows = await db
    .select({ revision: snippetRevisions, snippet: snippets, orgName: orgs.name, authorName: users.name, authorEmail: users.email, ticketNumber: tickets.number })
    .from(snippetRevisions)
    .innerJoin(snippets, eq(snippets.id, snippetRevisions.snippetId))
    .innerJoin(orgs, eq(orgs.id, snippets.orgId))
    .innerJoin(users, eq(users.id, snippetRevisions.authorId))
    .leftJoin(tickets, eq(tickets.id, snippets.ticketId))
    .where(and(...conditions))
    .orderBy(asc(snippetRevisions.submittedAt))
    .limit(500);
  return Promise.all(
    rows.map(async ({ revision, snippet, orgName, authorName, authorEmail, ticketNumber }) => {
      const definition = kindOf(snippet.kind);
      const [{ target }, hosts] = await Promise.all([snippetSetting(db, snippet), hostsAffected(db, snippet.orgId, snippet)]);
      const report = revision.validation as ValidationReport;
      return {
        revisionId: revision.id,
        number: revision.number,
        snippetId: snippet.id,
        slug: snippet.slug,
        name: snippet.name,
        orgId: snippet.orgId,
        orgName,
        kind: snippet.kind,
        kindTitle: definition.title,
        target: target.label,
        hostsCount: hosts.length,
        hosts: hosts.map((h) => h.name),
        reload: definition.reload,
        validation: { errors: report.errors, warnings: report.warnings, issues: report.issues },
        basedOnRevisionId: revision.basedOnRevisionId,
        authorName,
        authorEmail,
        submittedAt: revision.submittedAt,
        ticketNumber,
      };
    }),
  );
}
