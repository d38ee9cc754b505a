import { desc, eq, max } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { snippetRevisions, snippets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict } from "@/server/errors";
import { isDelegationStaff, revisionFor, snippetFor, type RevisionRow, type SnippetRow } from "./access";
import { announceChangeRequest } from "./change-ticket";
import { contentToShow, contentToStore } from "./content-secrets";
import { approveLocked } from "./decisions";
import { requireEditRight } from "./grants";
import { kindOf } from "./kinds/registry";
import { requireTransition, supersedeOlder } from "./lifecycle";
import { revisionIdInput, rollbackInput, saveDraftInput, validateDraftInput } from "./schemas";
import { snippetSetting } from "./snippet-context";
import { checkContent, describeErrors, type ValidationReport } from "./validation";

/**
 * Writes a new draft revision (the next number) and makes it the snippet's current one; older drafts
 * are superseded. Content must already have the kind's shape; policy findings are stored with it.
 */
export async function insertDraft(
  tx: Tx,
  actor: Actor,
  snippet: SnippetRow,
  draft: { content: unknown; validation: ValidationReport; basedOnRevisionId?: string | null },
): Promise<RevisionRow> {
  const [last] = await tx.select({ number: max(snippetRevisions.number) }).from(snippetRevisions).where(eq(snippetRevisions.snippetId, snippet.id));
  const number = (last?.number ?? 0) + 1;
  const now = new Date();
  const [revision] = await tx
    .insert(snippetRevisions)
    .values({
      snippetId: snippet.id,
      number,
      content: draft.content,
      authorId: actor.userId,
      createdAt: now,
      basedOnRevisionId: draft.basedOnRevisionId ?? null,
      validation: draft.validation,
      status: "draft",
    })
    .returning();
  await supersedeOlder(tx, snippet.id, number, ["draft"]);
  await tx.update(snippets).set({ currentRevisionId: revision!.id, updatedAt: now }).where(eq(snippets.id, snippet.id));
  return revision!;
}

/**
 * What the editor calls as the customer types (debounced): the schema and policy findings with their
 * lines, and plain-language lines about the content. Writes nothing.
 */
export async function validateDraft(db: Db, actor: Actor, input: z.input<typeof validateDraftInput>) {
  const { snippetId, content } = validateDraftInput.parse(input);
  const snippet = await snippetFor(db, actor, snippetId);
  const kind = kindOf(snippet.kind);
  const { context } = await snippetSetting(db, snippet);
  const checked = checkContent(kind, content, context);
  return { ...checked.report, valid: checked.ok && checked.report.errors === 0, explain: checked.ok ? kind.explain(checked.content) : [] };
}

/** Saves the editor's content as a new draft. Saving what the current draft already holds changes nothing. */
export async function saveDraft(db: Db, actor: Actor, input: z.input<typeof saveDraftInput>) {
  const { snippetId, content } = saveDraftInput.parse(input);
  return db.transaction(async (tx) => {
    const snippet = await snippetFor(tx, actor, snippetId, true);
    const kind = kindOf(snippet.kind);
    const { target, context } = await snippetSetting(tx, snippet);
    await requireEditRight(tx, actor, snippet.orgId, snippet.kind, target);
    const [current] = await tx.select().from(snippetRevisions).where(eq(snippetRevisions.snippetId, snippet.id)).orderBy(desc(snippetRevisions.number)).limit(1);
    const checked = checkContent(kind, contentToStore(kind, content, current?.content), context);
    if (!checked.ok) throw badRequest(`This ${kind.title} content is not in the expected form: ${describeErrors(checked.report)}`);
    if (current?.status === "draft" && JSON.stringify(current.content) === JSON.stringify(checked.content)) {
      return { revisionId: current.id, number: current.number, status: current.status, validation: current.validation as ValidationReport, unchanged: true };
    }
    const revision = await insertDraft(tx, actor, snippet, { content: checked.content, validation: checked.report });
    await recordAudit(tx, actor, {
      action: "snippet.draft",
      subjectType: "snippet_revision",
      subjectId: revision.id,
      orgId: snippet.orgId,
      after: { snippetId: snippet.id, number: revision.number, errors: checked.report.errors, warnings: checked.report.warnings },
    });
    return { revisionId: revision.id, number: revision.number, status: revision.status, validation: checked.report, unchanged: false };
  });
}

export type SubmitOutcome = { revisionId: string; number: number; status: RevisionRow["status"]; mode: "review" | "auto"; ticketId: string | null; rolloutId: string | null };

/**
 * Submits a draft (both rows locked by the caller): re-checked against policy as it stands today,
 * refused with its errors listed, else waiting for review — or, under an auto grant, approved by the
 * system and rolled out at once. Customer requests under review reach the desk as a ticket.
 */
async function submitLocked(tx: Tx, actor: Actor, snippet: SnippetRow, revision: RevisionRow): Promise<SubmitOutcome> {
  requireTransition(revision, "submitted", "submitted");
  const { target, context } = await snippetSetting(tx, snippet);
  const right = await requireEditRight(tx, actor, snippet.orgId, snippet.kind, target);
  const checked = checkContent(kindOf(snippet.kind), revision.content, context);
  if (!checked.ok || checked.report.errors > 0) throw badRequest(`Fix these problems before submitting: ${describeErrors(checked.report)}`);
  const now = new Date();
  await tx.update(snippetRevisions).set({ status: "submitted", submittedAt: now }).where(eq(snippetRevisions.id, revision.id));
  await supersedeOlder(tx, snippet.id, revision.number, ["draft", "submitted"]);
  await tx.update(snippets).set({ updatedAt: now }).where(eq(snippets.id, snippet.id));
  await recordAudit(tx, actor, {
    action: "snippet.submit",
    subjectType: "snippet_revision",
    subjectId: revision.id,
    orgId: snippet.orgId,
    before: { status: revision.status },
    after: { status: "submitted", number: revision.number, snippetId: snippet.id, mode: right.mode, warnings: checked.report.warnings },
  });
  const submitted: RevisionRow = { ...revision, status: "submitted", submittedAt: now };
  if (right.mode === "auto") {
    const rollout = await approveLocked(tx, null, snippet, submitted, target);
    return { revisionId: revision.id, number: revision.number, status: "rolling_out", mode: "auto", ticketId: snippet.ticketId, rolloutId: rollout.rolloutId };
  }
  const ticketId = isDelegationStaff(actor) ? snippet.ticketId : await announceChangeRequest(tx, actor, snippet, submitted, target);
  return { revisionId: revision.id, number: revision.number, status: "submitted", mode: "review", ticketId, rolloutId: null };
}

export async function submitRevision(db: Db, actor: Actor, input: z.input<typeof revisionIdInput>): Promise<SubmitOutcome> {
  const { revisionId } = revisionIdInput.parse(input);
  return db.transaction(async (tx) => {
    const { snippet, revision } = await revisionFor(tx, actor, revisionId, true);
    return submitLocked(tx, actor, snippet, revision);
  });
}

/**
 * Brings back an old revision's content as a new revision based on it (revisions never change), and
 * by default submits it at once: the usual "undo my last change" is one step, and goes through the
 * same review as any change.
 */
export async function rollbackToRevision(db: Db, actor: Actor, input: z.input<typeof rollbackInput>) {
  const { revisionId, submit } = rollbackInput.parse(input);
  return db.transaction(async (tx) => {
    const { snippet, revision: old } = await revisionFor(tx, actor, revisionId, true);
    if (snippet.currentRevisionId === old.id) throw conflict(`Revision ${old.number} is already the newest revision; there is nothing to roll back to.`);
    const { target, context } = await snippetSetting(tx, snippet);
    await requireEditRight(tx, actor, snippet.orgId, snippet.kind, target);
    const checked = checkContent(kindOf(snippet.kind), old.content, context);
    // Old content that no longer fits the kind's schema cannot come back as it was.
    if (!checked.ok) throw badRequest(`Revision ${old.number} no longer fits the ${snippet.kind} format: ${describeErrors(checked.report)}`);
    const revision = await insertDraft(tx, actor, snippet, { content: old.content, validation: checked.report, basedOnRevisionId: old.id });
    await recordAudit(tx, actor, {
      action: "snippet.rollback",
      subjectType: "snippet_revision",
      subjectId: revision.id,
      orgId: snippet.orgId,
      after: { snippetId: snippet.id, number: revision.number, basedOn: old.number },
    });
    if (!submit) return { revisionId: revision.id, number: revision.number, basedOn: old.number, status: revision.status, mode: null, ticketId: snippet.ticketId, rolloutId: null };
    const outcome = await submitLocked(tx, actor, snippet, revision);
    return { ...outcome, basedOn: old.number };
  });
}

/** A revision's content as readers may see it: secret values masked. */
export function readableContent(snippet: Pick<SnippetRow, "kind">, revision: Pick<RevisionRow, "content">): unknown {
  return contentToShow(kindOf(snippet.kind), revision.content);
}

