import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { snippetRevisions, snippets } from "@/db/schema";
import { hasStaffRole, type Actor } from "@/server/auth/actor";
import { forbidden, notFound } from "@/server/errors";

/**
 * Who grants, reviews and approves: support staff (agents and engineers; admins always). The same
 * people work the help desk, which is where change requests are discussed.
 */
export const delegationStaffRoles = ["agent", "engineer"] as const;
export const isDelegationStaff = (actor: Actor) => actor.isStaff && hasStaffRole(actor, delegationStaffRoles);

export function requireDelegationStaff(actor: Actor): void {
  if (!isDelegationStaff(actor)) throw forbidden("Only support staff can do that.");
}

export type SnippetRow = typeof snippets.$inferSelect;
export type RevisionRow = typeof snippetRevisions.$inferSelect;

/**
 * A snippet the actor may see: staff see all, customers their orgs' snippets. Anything else answers
 * NOT_FOUND, as a missing one would. `lock` takes the row for update, which serialises every
 * lifecycle change of one snippet.
 */
export async function snippetFor(db: DbOrTx, actor: Actor, snippetId: string, lock = false): Promise<SnippetRow> {
  const query = db.select().from(snippets).where(eq(snippets.id, snippetId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || !(isDelegationStaff(actor) || actor.customerOrgIds.includes(row.orgId))) throw notFound("That snippet");
  return row;
}

/** A revision and its snippet, under the snippet's access rule; `lock` locks the snippet, then the revision. */
export async function revisionFor(db: DbOrTx, actor: Actor, revisionId: string, lock = false): Promise<{ snippet: SnippetRow; revision: RevisionRow }> {
  const [found] = await db.select({ snippetId: snippetRevisions.snippetId }).from(snippetRevisions).where(eq(snippetRevisions.id, revisionId));
  if (!found) throw notFound("That revision");
  const snippet = await snippetFor(db, actor, found.snippetId, lock).catch(() => {
    throw notFound("That revision");
  });
  const query = db.select().from(snippetRevisions).where(eq(snippetRevisions.id, revisionId));
  const [revision] = lock ? await query.for("update") : await query;
  return { snippet, revision: revision! };
}
