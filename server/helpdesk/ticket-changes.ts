import { eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { ticketAttachments, ticketLinks, ticketMessages, tickets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, forbidden } from "@/server/errors";
import { isDeskStaff, requireDeskStaff, ticketFor, ticketRowColumns, type TicketRow } from "./access";
import { announceTicket } from "./announce";
import { moveClock } from "./clock";
import { slaOutcomes } from "./sla-outcomes";
import { clockColumns, clockStateOf, policyForOrg } from "./clock-store";
import { addMessage } from "./messages";
import { notifyTicketEvent } from "./notifications";
import { bulkUpdateInput, escalateInput, mergeInput, rateInput, ticketIdInput, updateTicketInput, type TicketChanges } from "./schemas";
import { doneStatuses } from "./statuses";

/** Desk people of the provider org who are not disabled; `role` narrows it to one role. */
const deskPeople = (role?: "engineer") => sql`select u.id from users u
  join memberships m on m.user_id = u.id join orgs o on o.id = m.org_id
  where o.kind = 'provider' and u.disabled_at is null and m.role in ${role ? sql`('engineer')` : sql`('agent', 'engineer', 'admin')`}`;

async function requireAssignable(tx: DbOrTx, userId: string): Promise<void> {
  const found = await tx.execute<{ id: string }>(sql`${deskPeople()} and u.id = ${userId}`);
  if (found.rows.length === 0) throw badRequest("Assign tickets to support staff only.");
}

/**
 * Applies one set of changes to one locked ticket: status, priority, level, assignee, category and
 * tags, moving the SLA clock when the status or priority changes, and auditing what changed.
 */
async function applyChanges(tx: DbOrTx, actor: Actor, ticket: TicketRow, changes: TicketChanges, now: Date) {
  if (ticket.mergedIntoId) throw conflict(`Ticket #${ticket.number} was merged into another ticket.`);
  if (changes.assigneeId) await requireAssignable(tx, changes.assigneeId);
  const status = changes.status ?? ticket.status;
  const priority = changes.priority ?? ticket.priority;
  const tags = [...new Set([...ticket.tags.filter((t) => !changes.removeTags?.includes(t)), ...(changes.addTags ?? [])])].sort();
  const next = {
    status,
    priority,
    level: changes.level ?? ticket.level,
    assigneeId: changes.assigneeId === undefined ? ticket.assigneeId : changes.assigneeId,
    category: changes.category === undefined ? ticket.category : changes.category,
    tags,
  };
  const before = { status: ticket.status, priority: ticket.priority, level: ticket.level, assigneeId: ticket.assigneeId, category: ticket.category, tags: ticket.tags };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
  if (changed.length === 0) return { ticket, changed };

  const previousPolicy = await policyForOrg(tx, ticket.orgId, ticket.priority, now);
  const policy = priority === ticket.priority ? previousPolicy : await policyForOrg(tx, ticket.orgId, priority, now);
  const clock = status !== ticket.status || priority !== ticket.priority ? moveClock(clockStateOf(ticket), status, now, previousPolicy, policy) : clockStateOf(ticket);
  const [updated] = await tx
    .update(tickets)
    .set({
      ...next,
      ...slaOutcomes(ticket, clockStateOf(ticket), status, now, previousPolicy, false),
      ...clockColumns(clock, policy),
      updatedAt: now,
      solvedAt: status === "solved" && ticket.status !== "solved" ? now : doneStatuses.includes(status) ? ticket.solvedAt : null,
      closedAt: status === "closed" && ticket.status !== "closed" ? now : status === "closed" ? ticket.closedAt : null,
    })
    .where(eq(tickets.id, ticket.id))
    .returning();
  await recordAudit(tx, actor, {
    action: "ticket.update",
    subjectType: "ticket",
    subjectId: ticket.id,
    orgId: ticket.orgId,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, next[k]])),
  });
  if (changed.includes("status")) await notifyTicketEvent(tx, { kind: "status", ticket: updated!, actor });
  if (changed.includes("assigneeId") && next.assigneeId && next.assigneeId !== actor.userId) {
    await notifyTicketEvent(tx, { kind: "assigned", ticket: updated!, actor, staffUserIds: [next.assigneeId] });
  }
  await announceTicket(tx, { ticketId: ticket.id, orgId: ticket.orgId, number: ticket.number, kind: "changed" });
  return { ticket: updated!, changed };
}

export async function updateTicket(db: Db, actor: Actor, input: z.input<typeof updateTicketInput>) {
  requireDeskStaff(actor);
  const { ticketId, ...changes } = updateTicketInput.parse(input);
  return db.transaction(async (tx) => {
    const ticket = await ticketFor(tx, actor, ticketId, true);
    const { ticket: updated, changed } = await applyChanges(tx, actor, ticket, changes, new Date());
    return { ticketId: updated.id, status: updated.status, priority: updated.priority, changed };
  });
}

/** The same changes on many tickets, all or nothing: one that cannot take them stops the batch. */
export async function bulkUpdateTickets(db: Db, actor: Actor, input: z.input<typeof bulkUpdateInput>) {
  requireDeskStaff(actor);
  const { ticketIds, ...changes } = bulkUpdateInput.parse(input);
  const now = new Date();
  return db.transaction(async (tx) => {
    // Locked in id order, so two bulk actions over overlapping tickets cannot deadlock.
    const rows = await tx.select(ticketRowColumns).from(tickets).where(inArray(tickets.id, ticketIds)).orderBy(tickets.id).for("update");
    if (rows.length !== new Set(ticketIds).size) throw badRequest("Some of those tickets no longer exist.");
    let updated = 0;
    for (const row of rows) if ((await applyChanges(tx, actor, row, changes, now)).changed.length) updated += 1;
    return { updated };
  });
}

/**
 * Hands a ticket to engineering with a note saying why. Engineers' default view shows escalated
 * tickets only, so this is the one way work reaches them.
 */
export async function escalateTicket(db: Db, actor: Actor, input: z.input<typeof escalateInput>) {
  requireDeskStaff(actor);
  const { ticketId, note } = escalateInput.parse(input);
  const now = new Date();
  return db.transaction(async (tx) => {
    const ticket = await ticketFor(tx, actor, ticketId, true);
    if (ticket.level === "engineering") throw conflict(`Ticket #${ticket.number} is already with engineering.`);
    await addMessage(tx, actor, { ticketId, body: `Escalated to engineering: ${note}`, visibility: "internal", channel: "desk", at: now });
    const { ticket: updated } = await applyChanges(tx, actor, ticket, { level: "engineering", assigneeId: null }, now);
    await recordAudit(tx, actor, { action: "ticket.escalate", subjectType: "ticket", subjectId: ticketId, orgId: ticket.orgId, after: { note } });
    const engineers = await tx.execute<{ id: string }>(deskPeople("engineer"));
    await notifyTicketEvent(tx, { kind: "escalated", ticket: updated, actor, staffUserIds: engineers.rows.map((r) => r.id) });
    return { ticketId, level: "engineering" as const };
  });
}

/**
 * Folds a duplicate into another ticket of the same org: its messages, files and links move over,
 * the duplicate is closed and points at the survivor, and both timelines say so.
 */
export async function mergeTickets(db: Db, actor: Actor, input: z.input<typeof mergeInput>) {
  requireDeskStaff(actor);
  const { ticketId, intoTicketId } = mergeInput.parse(input);
  if (ticketId === intoTicketId) throw badRequest("A ticket cannot be merged into itself.");
  const now = new Date();
  return db.transaction(async (tx) => {
    // Both rows locked in id order (see bulkUpdateTickets).
    const [first, second] = [ticketId, intoTicketId].sort();
    const a = await ticketFor(tx, actor, first!, true);
    const b = await ticketFor(tx, actor, second!, true);
    const [duplicate, survivor] = a.id === ticketId ? [a, b] : [b, a];
    if (duplicate.orgId !== survivor.orgId) throw badRequest("Only tickets of the same customer can be merged.");
    if (duplicate.mergedIntoId || survivor.mergedIntoId) throw conflict("One of these tickets was already merged.");
    await tx.update(ticketMessages).set({ ticketId: survivor.id }).where(eq(ticketMessages.ticketId, duplicate.id));
    await tx.update(ticketAttachments).set({ ticketId: survivor.id }).where(eq(ticketAttachments.ticketId, duplicate.id));
    const links = await tx.select().from(ticketLinks).where(eq(ticketLinks.ticketId, duplicate.id));
    await tx.delete(ticketLinks).where(eq(ticketLinks.ticketId, duplicate.id));
    if (links.length) await tx.insert(ticketLinks).values(links.map((l) => ({ ...l, ticketId: survivor.id }))).onConflictDoNothing();
    await addMessage(tx, actor, { ticketId: survivor.id, body: `Ticket #${duplicate.number} (“${duplicate.subject}”) was merged into this one.`, visibility: "internal", channel: "desk", at: now });
    const policy = await policyForOrg(tx, duplicate.orgId, duplicate.priority, now);
    await tx
      .update(tickets)
      .set({ ...clockColumns(moveClock(clockStateOf(duplicate), "closed", now, policy, policy), policy), mergedIntoId: survivor.id, closedAt: now, updatedAt: now })
      .where(eq(tickets.id, duplicate.id));
    await tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, survivor.id));
    await recordAudit(tx, actor, { action: "ticket.merge", subjectType: "ticket", subjectId: duplicate.id, orgId: duplicate.orgId, after: { mergedInto: survivor.id, number: survivor.number } });
    await recordAudit(tx, actor, { action: "ticket.merge_in", subjectType: "ticket", subjectId: survivor.id, orgId: survivor.orgId, after: { merged: duplicate.id, number: duplicate.number } });
    await announceTicket(tx, { ticketId: survivor.id, orgId: survivor.orgId, number: survivor.number, kind: "changed" });
    return { ticketId: survivor.id, number: survivor.number };
  });
}

/** The customer closes their own ticket: nothing more is owed. */
export async function closeTicketAsCustomer(db: Db, actor: Actor, input: z.input<typeof ticketIdInput>) {
  const { ticketId } = ticketIdInput.parse(input);
  if (isDeskStaff(actor)) throw forbidden("Staff close tickets through the status.");
  const now = new Date();
  return db.transaction(async (tx) => {
    const ticket = await ticketFor(tx, actor, ticketId, true);
    if (ticket.status === "closed") return { ticketId, status: "closed" as const };
    const policy = await policyForOrg(tx, ticket.orgId, ticket.priority, now);
    const clock = moveClock(clockStateOf(ticket), "closed", now, policy, policy);
    await tx
      .update(tickets)
      .set({ ...clockColumns(clock, policy), ...slaOutcomes(ticket, clockStateOf(ticket), "closed", now, policy, false), closedAt: now, updatedAt: now })
      .where(eq(tickets.id, ticketId));
    await recordAudit(tx, actor, { action: "ticket.update", subjectType: "ticket", subjectId: ticketId, orgId: ticket.orgId, before: { status: ticket.status }, after: { status: "closed" } });
    await announceTicket(tx, { ticketId, orgId: ticket.orgId, number: ticket.number, kind: "changed" });
    return { ticketId, status: "closed" as const };
  });
}

/** After a ticket is solved, its customer rates the answer (once; a second rating replaces the first). */
export async function rateTicket(db: Db, actor: Actor, input: z.input<typeof rateInput>) {
  const { ticketId, rating, comment } = rateInput.parse(input);
  return db.transaction(async (tx) => {
    const ticket = await ticketFor(tx, actor, ticketId, true);
    if (isDeskStaff(actor)) throw forbidden("Customers rate their tickets.");
    if (!doneStatuses.includes(ticket.status)) throw conflict("A ticket can be rated once it is solved.");
    await tx.update(tickets).set({ satisfactionRating: rating, satisfactionComment: comment }).where(eq(tickets.id, ticketId));
    await recordAudit(tx, actor, { action: "ticket.rate", subjectType: "ticket", subjectId: ticketId, orgId: ticket.orgId, after: { rating, comment } });
    return { ticketId, rating };
  });
}
