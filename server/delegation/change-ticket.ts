import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { snippets, tickets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { createTicket, replyToTicket } from "@/server/helpdesk/tickets";
import { inTransaction } from "@/server/mail/in-transaction";
import type { RevisionRow, SnippetRow } from "./access";
import type { Target } from "./scope";
import type { ValidationReport } from "./validation";

/** "nginx snippet web-cache on acme-web01": how tickets and notes name a snippet. */
export const snippetTitle = (snippet: Pick<SnippetRow, "kind" | "slug">, target: Pick<Target, "label">) => `${snippet.kind} snippet ${snippet.slug} on ${target.label}`;

const summary = (report: ValidationReport) =>
  report.warnings ? `Policy checks passed with ${report.warnings} warning${report.warnings === 1 ? "" : "s"}.` : "Policy checks passed.";

/**
 * Puts a submitted revision in front of support as a help-desk ticket of the customer's org: the
 * snippet's own ticket while it is still open, else a new one linked to the snippet. Everything
 * happens in the caller's transaction (createTicket and replyToTicket run in a savepoint).
 */
export async function announceChangeRequest(tx: Tx, actor: Actor, snippet: SnippetRow, revision: RevisionRow, target: Target): Promise<string> {
  const report = revision.validation as ValidationReport;
  const body = `Revision ${revision.number} of the ${snippetTitle(snippet, target)} is waiting for review. ${summary(report)}`;
  if (snippet.ticketId) {
    const [ticket] = await tx.select({ status: tickets.status, mergedIntoId: tickets.mergedIntoId }).from(tickets).where(eq(tickets.id, snippet.ticketId));
    // A closed ticket is done with; customers cannot write to it, so the next request gets a fresh one.
    if (ticket && ticket.status !== "closed" && !ticket.mergedIntoId) {
      await replyToTicket(inTransaction(tx), actor, { ticketId: snippet.ticketId, body });
      return snippet.ticketId;
    }
  }
  const nodeIds = [target.vmId, target.serviceId].filter((id): id is string => id !== null);
  const { ticketId } = await createTicket(inTransaction(tx), actor, {
    orgId: snippet.orgId,
    subject: `Change request: ${snippetTitle(snippet, target)}`,
    body,
    priority: "normal",
    category: "change request",
    nodeIds,
  });
  await tx.update(snippets).set({ ticketId }).where(eq(snippets.id, snippet.id));
  return ticketId;
}

/** Tells the customer, on the snippet's ticket, what was decided and why. No ticket, nothing to tell. */
export async function announceDecision(tx: Tx, reviewer: Actor, snippet: SnippetRow, revision: RevisionRow, target: Target, decision: { approved: true; hosts: number; note?: string } | { approved: false; reason: string }) {
  if (!snippet.ticketId) return;
  const [ticket] = await tx.select({ mergedIntoId: tickets.mergedIntoId }).from(tickets).where(eq(tickets.id, snippet.ticketId));
  const ticketId = ticket?.mergedIntoId ?? snippet.ticketId;
  const body = decision.approved
    ? `Approved revision ${revision.number} of the ${snippetTitle(snippet, target)}. It is rolling out to ${decision.hosts} host${decision.hosts === 1 ? "" : "s"} now.${decision.note ? `\n\n${decision.note}` : ""}`
    : `Revision ${revision.number} of the ${snippetTitle(snippet, target)} was not approved: ${decision.reason}\n\nPlease change it and submit it again.`;
  await replyToTicket(inTransaction(tx), reviewer, { ticketId, body });
}
