import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orgs, reviews, rolloutHosts, rollouts, snippetRevisions, snippets, users, vms } from "@/db/schema";
import { loadActor, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { grantAccess } from "@/server/delegation/grants";
import { saveDraft, submitRevision } from "@/server/delegation/revisions";
import { createSnippet } from "@/server/delegation/snippets";

async function actorOf(db: Db, email: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const actor = user ? await loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion }) : null;
  if (!actor) throw new Error(`demo user ${email} is missing`);
  return actor;
}

/** Acme's cache rules on its first production web server: what is live, and the change after it. */
export const demoNginxLive = `# Static assets change only with a deploy: let browsers keep them a week.
location /assets/ {
    expires 7d;
    add_header Cache-Control "public, immutable";
}
`;
export const demoNginxChange = `# Static assets change only with a deploy: let browsers keep them a week.
location /assets/ {
    expires 30d;
    add_header Cache-Control "public, immutable";
}

# The shop's product images are large and rarely change.
location /media/ {
    expires 7d;
}
`;

/**
 * Acme's delegated configuration, made through the domain functions the app uses: grants (nginx on
 * its first production web server under review, features on every VM automatically, cron on
 * staging), one nginx snippet whose first revision is live, and a second revision of it waiting for
 * review, so the desk's approvals queue and the change-request ticket have something real.
 */
export async function seedDelegation(db: Db): Promise<void> {
  const [engineer, acmeOwner, acmeDev] = await Promise.all(["engineer@hostdesk.test", "owner@acme.test", "dev@acme.test"].map((email) => actorOf(db, email)));
  const [acme] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, "acme"));
  const [web01] = await db.select({ id: vms.id }).from(vms).where(eq(vms.name, "acme-web01"));

  await grantAccess(db, engineer!, { orgId: acme!.id, kind: "nginx", scope: { type: "vm", vmId: web01!.id }, mode: "review" });
  await grantAccess(db, engineer!, { orgId: acme!.id, kind: "features", scope: { type: "org" }, mode: "auto" });
  await grantAccess(db, engineer!, { orgId: acme!.id, kind: "cron", scope: { type: "environment", environment: "staging" }, mode: "review" });

  const created = await createSnippet(db, acmeOwner!, {
    orgId: acme!.id,
    kind: "nginx",
    slug: "web-cache",
    name: "Browser caching for static files",
    scope: { type: "vm", vmId: web01!.id },
    content: { text: demoNginxLive },
  });
  await markLive(db, engineer!, created.snippetId, created.revisionId, web01!.id);

  const change = await saveDraft(db, acmeDev!, { snippetId: created.snippetId, content: { text: demoNginxChange } });
  await submitRevision(db, acmeDev!, { revisionId: change.revisionId });
}

/**
 * Records revision 1 as reviewed and applied on its host, as if approved and rolled out before the
 * demo begins. Written directly rather than through approve, so no rollout job waits in the queue
 * for something that already happened; the next converge pass writes its files.
 */
async function markLive(db: Db, reviewer: Actor, snippetId: string, revisionId: string, vmId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const decidedAt = new Date(Date.now() - 3 * 86_400_000);
    await tx
      .update(snippetRevisions)
      .set({ status: "applied", submittedAt: decidedAt, decidedBy: reviewer.userId, decidedAt })
      .where(and(eq(snippetRevisions.id, revisionId), eq(snippetRevisions.status, "draft")));
    await tx.insert(reviews).values({ revisionId, reviewerId: reviewer.userId, decision: "approved", at: decidedAt });
    const [org] = await tx.select({ orgId: snippets.orgId }).from(snippets).where(eq(snippets.id, snippetId));
    const [rollout] = await tx
      .insert(rollouts)
      .values({ revisionId, orgId: org!.orgId, status: "done", hostsTotal: 1, createdAt: decidedAt, finishedAt: decidedAt })
      .returning({ id: rollouts.id });
    await tx.insert(rolloutHosts).values({ rolloutId: rollout!.id, vmId, state: "applied", log: "nginx -t: syntax is ok", filesWritten: 1, startedAt: decidedAt, finishedAt: decidedAt });
    await tx.update(snippets).set({ approvedRevisionId: revisionId, appliedRevisionId: revisionId }).where(eq(snippets.id, snippetId));
    await recordAudit(tx, { system: "seed" }, { action: "snippet.approve", subjectType: "snippet_revision", subjectId: revisionId, orgId: org!.orgId, after: { status: "applied", rolloutId: rollout!.id } });
  });
}
