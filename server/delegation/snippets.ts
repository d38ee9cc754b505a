import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { orgs, reviews, rollouts, snippetRevisions, snippets, tickets, users } from "@/db/schema";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import { isDelegationStaff, snippetFor } from "./access";
import { contentToShow, contentToStore } from "./content-secrets";
import { requireEditRight } from "./grants";
import { kindOf } from "./kinds/registry";
import { insertDraft } from "./revisions";
import { createSnippetInput, listSnippetsInput, snippetIdInput } from "./schemas";
import { hostsAffected, policyEnvironment, resolveTarget, scopeColumns, scopeOf } from "./scope";
import { snippetSetting } from "./snippet-context";
import { checkContent, describeErrors, type ValidationReport } from "./validation";

/**
 * A new snippet with its first draft (the kind's starter unless content is given). Customers need a
 * live grant for the kind reaching the target; staff may create one for any customer org.
 */
export async function createSnippet(db: Db, actor: Actor, input: z.input<typeof createSnippetInput>) {
  const data = createSnippetInput.parse(input);
  if (!canSeeOrg(actor, data.orgId) || (!isDelegationStaff(actor) && !actor.customerOrgIds.includes(data.orgId))) throw notFound("That organisation");
  const kind = kindOf(data.kind);
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx.select({ slug: orgs.slug, kind: orgs.kind }).from(orgs).where(eq(orgs.id, data.orgId));
      if (!org) throw notFound("That organisation");
      if (org.kind !== "customer") throw badRequest("Snippets belong to customer organisations.");
      const columns = scopeColumns(data.scope);
      const target = await resolveTarget(tx, data.orgId, columns);
      await requireEditRight(tx, actor, data.orgId, data.kind, target);
      const context = { orgSlug: org.slug, snippetSlug: data.slug, environment: policyEnvironment(target) };
      const checked = checkContent(kind, contentToStore(kind, data.content === undefined ? kind.starter : data.content, undefined), context);
      if (!checked.ok) throw badRequest(`This ${kind.title} content is not in the expected form: ${describeErrors(checked.report)}`);
      const [snippet] = await tx
        .insert(snippets)
        .values({ orgId: data.orgId, kind: data.kind, slug: data.slug, name: data.name, createdBy: actor.userId, ...columns })
        .returning();
      const revision = await insertDraft(tx, actor, snippet!, { content: checked.content, validation: checked.report });
      await recordAudit(tx, actor, {
        action: "snippet.create",
        subjectType: "snippet",
        subjectId: snippet!.id,
        orgId: data.orgId,
        after: { kind: data.kind, slug: data.slug, name: data.name, target: target.label, revisionId: revision.id },
      });
      return { snippetId: snippet!.id, revisionId: revision.id, target: target.label };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`There is already a ${data.kind} snippet called “${data.slug}” in this organisation. Pick another name.`);
    throw error;
  }
}

/** Snippets the actor may see, newest change first: a customer's own orgs', or (staff) everyone's. */
export async function listSnippets(db: DbOrTx, actor: Actor, input: z.input<typeof listSnippetsInput>) {
  const { orgId, kind } = listSnippetsInput.parse(input ?? {});
  if (orgId && !canSeeOrg(actor, orgId)) throw notFound("That organisation");
  const conditions: (SQL | undefined)[] = [orgId ? eq(snippets.orgId, orgId) : undefined, kind ? eq(snippets.kind, kind) : undefined];
  if (!isDelegationStaff(actor)) {
    if (actor.customerOrgIds.length === 0) return [];
    conditions.push(inArray(snippets.orgId, actor.customerOrgIds));
  }
  const current = alias(snippetRevisions, "current_revision");
  const rows = await db
    .select({
      snippet: snippets,
      orgName: orgs.name,
      currentNumber: current.number,
      currentStatus: current.status,
      currentErrors: sql<number | null>`(${current.validation} ->> 'errors')::int`,
      vmName: sql<string | null>`(select v.name from vms v where v.id = coalesce(${snippets.vmId}, (select s.vm_id from services s where s.id = ${snippets.serviceId})))`,
      serviceName: sql<string | null>`(select s.name from services s where s.id = ${snippets.serviceId})`,
    })
    .from(snippets)
    .innerJoin(orgs, eq(orgs.id, snippets.orgId))
    .leftJoin(current, eq(current.id, snippets.currentRevisionId))
    .where(and(...conditions))
    .orderBy(desc(snippets.updatedAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.snippet.id,
    orgId: r.snippet.orgId,
    orgName: r.orgName,
    kind: r.snippet.kind,
    slug: r.snippet.slug,
    name: r.snippet.name,
    scope: scopeOf(r.snippet),
    target:
      r.snippet.scopeType === "vm"
        ? (r.vmName ?? "a retired host")
        : r.snippet.scopeType === "service"
          ? `${r.serviceName} on ${r.vmName}`
          : r.snippet.scopeType === "environment"
            ? `all ${r.snippet.environment} VMs`
            : `all ${r.orgName} VMs`,
    current: r.currentNumber === null ? null : { revisionId: r.snippet.currentRevisionId!, number: r.currentNumber, status: r.currentStatus!, errors: r.currentErrors ?? 0 },
    approvedRevisionId: r.snippet.approvedRevisionId,
    appliedRevisionId: r.snippet.appliedRevisionId,
    ticketId: r.snippet.ticketId,
    updatedAt: r.snippet.updatedAt,
  }));
}

/**
 * One snippet with everything its page shows: target and hosts, every revision (content with secret
 * values masked, findings, decisions), reviews, recent rollouts, and whether the actor may edit it.
 */
export async function getSnippet(db: DbOrTx, actor: Actor, input: z.input<typeof snippetIdInput>) {
  const { snippetId } = snippetIdInput.parse(input);
  const snippet = await snippetFor(db, actor, snippetId);
  const kind = kindOf(snippet.kind);
  const { target } = await snippetSetting(db, snippet);
  const author = alias(users, "author");
  const decider = alias(users, "decider");
  const [org, revisionRows, reviewRows, rolloutRows, hosts, editable, ticket] = await Promise.all([
    db.select({ name: orgs.name, slug: orgs.slug }).from(orgs).where(eq(orgs.id, snippet.orgId)),
    db
      .select({ revision: snippetRevisions, authorName: author.name, deciderName: decider.name })
      .from(snippetRevisions)
      .innerJoin(author, eq(author.id, snippetRevisions.authorId))
      .leftJoin(decider, eq(decider.id, snippetRevisions.decidedBy))
      .where(eq(snippetRevisions.snippetId, snippet.id))
      .orderBy(desc(snippetRevisions.number)),
    db
      .select({ review: reviews, reviewerName: users.name })
      .from(reviews)
      .innerJoin(snippetRevisions, eq(snippetRevisions.id, reviews.revisionId))
      .leftJoin(users, eq(users.id, reviews.reviewerId))
      .where(eq(snippetRevisions.snippetId, snippet.id))
      .orderBy(asc(reviews.at)),
    db
      .select({ id: rollouts.id, revisionId: rollouts.revisionId, generation: rollouts.generation, status: rollouts.status, hostsTotal: rollouts.hostsTotal, createdAt: rollouts.createdAt, finishedAt: rollouts.finishedAt })
      .from(rollouts)
      .innerJoin(snippetRevisions, eq(snippetRevisions.id, rollouts.revisionId))
      .where(eq(snippetRevisions.snippetId, snippet.id))
      .orderBy(desc(rollouts.generation))
      .limit(20),
    hostsAffected(db, snippet.orgId, snippet),
    requireEditRight(db, actor, snippet.orgId, snippet.kind, target).then(
      () => true,
      () => false,
    ),
    snippet.ticketId ? db.select({ number: tickets.number, status: tickets.status }).from(tickets).where(eq(tickets.id, snippet.ticketId)) : Promise.resolve([]),
  ]);
  return {
    id: snippet.id,
    orgId: snippet.orgId,
    orgName: org[0]?.name ?? "",
    kind: snippet.kind,
    kindTitle: kind.title,
    editor: kind.editor,
    language: kind.language,
    reload: kind.reload,
    slug: snippet.slug,
    name: snippet.name,
    scope: scopeOf(snippet),
    target: target.label,
    hosts,
    canEdit: editable,
    currentRevisionId: snippet.currentRevisionId,
    approvedRevisionId: snippet.approvedRevisionId,
    appliedRevisionId: snippet.appliedRevisionId,
    ticket: snippet.ticketId && ticket[0] ? { id: snippet.ticketId, number: ticket[0].number, status: ticket[0].status } : null,
    createdAt: snippet.createdAt,
    updatedAt: snippet.updatedAt,
    revisions: revisionRows.map(({ revision, authorName, deciderName }) => ({
      id: revision.id,
      number: revision.number,
      status: revision.status,
      content: contentToShow(kind, revision.content),
      explain: safeExplain(kind, revision.content),
      validation: revision.validation as ValidationReport,
      authorId: revision.authorId,
      authorName,
      createdAt: revision.createdAt,
      basedOnRevisionId: revision.basedOnRevisionId,
      submittedAt: revision.submittedAt,
      decidedAt: revision.decidedAt,
      // Null with a decision: approved by the system under an auto grant.
      decidedByName: revision.decidedAt ? (deciderName ?? "automatic (auto grant)") : null,
      rejectReason: revision.rejectReason,
    })),
    reviews: reviewRows.map(({ review, reviewerName }) => ({
      id: review.id,
      revisionId: review.revisionId,
      decision: review.decision,
      reason: review.reason,
      reviewerName: reviewerName ?? "automatic (auto grant)",
      at: review.at,
    })),
    rollouts: rolloutRows,
  };
}

/** Explanations of stored content; content from an older schema explains nothing rather than failing the page. */
function safeExplain(kind: ReturnType<typeof kindOf>, content: unknown): string[] {
  const parsed = kind.schema.safeParse(content);
  return parsed.success ? kind.explain(parsed.data) : [];
}

/** The hosts a snippet reaches now: its target scope resolved to the org's active VMs. */
export async function snippetHosts(db: DbOrTx, actor: Actor, input: z.input<typeof snippetIdInput>) {
  const snippet = await snippetFor(db, actor, snippetIdInput.parse(input).snippetId);
  return hostsAffected(db, snippet.orgId, snippet);
}
