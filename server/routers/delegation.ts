import { grantAccess, listGrants, revokeGrant } from "@/server/delegation/grants";
import { diffRevisions } from "@/server/delegation/diff";
import { listKinds } from "@/server/delegation/kind-catalogue";
import { approvalsQueue, approveManyRevisions, approveRevision, rejectManyRevisions, rejectRevision } from "@/server/delegation/review";
import { rollbackToRevision, saveDraft, submitRevision, validateDraft } from "@/server/delegation/revisions";
import { getRollout } from "@/server/delegation/rollouts";
import {
  approvalsQueueInput,
  approveInput,
  approveManyInput,
  createSnippetInput,
  diffInput,
  grantIdInput,
  grantInput,
  listGrantsInput,
  listSnippetsInput,
  rejectInput,
  rejectManyInput,
  revisionIdInput,
  rollbackInput,
  rolloutIdInput,
  saveDraftInput,
  snippetIdInput,
  validateDraftInput,
} from "@/server/delegation/schemas";
import { createSnippet, getSnippet, listSnippets } from "@/server/delegation/snippets";
import { authedProcedure, orgProcedure, router, staffProcedure } from "@/server/trpc";

/** Support staff grant access and review changes; customers edit under their grants (checked in the domain). */
const desk = staffProcedure("agent", "engineer");

export const delegationRouter = router({
  /** The snippet kinds, for editors: how each is edited and what a new one starts with. */
  kinds: authedProcedure.query(() => listKinds()),

  grants: router({
    list: orgProcedure.input(listGrantsInput).query(({ ctx, input }) => listGrants(ctx.db, ctx.actor, input)),
    grant: desk.input(grantInput).mutation(({ ctx, input }) => grantAccess(ctx.db, ctx.actor, input)),
    revoke: desk.input(grantIdInput).mutation(({ ctx, input }) => revokeGrant(ctx.db, ctx.actor, input)),
  }),

  snippets: router({
    list: authedProcedure.input(listSnippetsInput).query(({ ctx, input }) => listSnippets(ctx.db, ctx.actor, input)),
    get: authedProcedure.input(snippetIdInput).query(({ ctx, input }) => getSnippet(ctx.db, ctx.actor, input)),
    create: authedProcedure.input(createSnippetInput).mutation(({ ctx, input }) => createSnippet(ctx.db, ctx.actor, input)),
  }),

  saveDraft: authedProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.actor, input)),
  /** Findings for the editor as the customer types. A mutation only so long content travels in a POST body: it writes nothing. */
  validateDraft: authedProcedure.input(validateDraftInput).mutation(({ ctx, input }) => validateDraft(ctx.db, ctx.actor, input)),
  submit: authedProcedure.input(revisionIdInput).mutation(({ ctx, input }) => submitRevision(ctx.db, ctx.actor, input)),
  rollback: authedProcedure.input(rollbackInput).mutation(({ ctx, input }) => rollbackToRevision(ctx.db, ctx.actor, input)),
  diff: authedProcedure.input(diffInput).query(({ ctx, input }) => diffRevisions(ctx.db, ctx.actor, input)),

  approvalsQueue: desk.input(approvalsQueueInput).query(({ ctx, input }) => approvalsQueue(ctx.db, ctx.actor, input)),
  approve: desk.input(approveInput).mutation(({ ctx, input }) => approveRevision(ctx.db, ctx.actor, input)),
  reject: desk.input(rejectInput).mutation(({ ctx, input }) => rejectRevision(ctx.db, ctx.actor, input)),
  approveMany: desk.input(approveManyInput).mutation(({ ctx, input }) => approveManyRevisions(ctx.db, ctx.actor, input)),
  rejectMany: desk.input(rejectManyInput).mutation(({ ctx, input }) => rejectManyRevisions(ctx.db, ctx.actor, input)),

  rollout: router({
    /** A rollout with each host's state and log, for progress pages; customers see their own org's only. */
    get: authedProcedure.input(rolloutIdInput).query(({ ctx, input }) => getRollout(ctx.db, ctx.actor, input)),
  }),
});
