import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { orgs, tickets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { conflict, forbidden, notFound } from "@/server/errors";
import { isDeskStaff, ticketFor } from "./access";
import { announceTicket } from "./announce";
import { clockRuns, moveClock, type ClockState } from "./clock";
import { slaOutcomes } from "./sla-outcomes";
import { clockColumns, clockStateOf, policyForOrg } from "./clock-store";
import { linkNodes } from "./linked-nodes";
import { addMessage } from "./messages";
import { notifyTicketEvent } from "./notifications";
import { createTicketInput, replyInput } from "./schemas";
import { doneStatuses, type TicketStatus } from "./statuses";

/** The secret in a ticket's reply address. 144 random bits: not guessable, short enough for mail. */
const newReplyToken = () => randomBytes(18).toString("base64url");

/**
 * Files a ticket for an org: by one of its own people (the portal) or by desk staff on their behalf.
 * The SLA clock starts at once, under the org's contract in force or the default policy.
 */
export async function createTicket(db: Db, actor: Actor, input: z.input<typeof createTicketInput>, channel: "portal" | "desk" = actor.isStaff ? "desk" : "portal") {
  const data = createTicketInput.parse(input);
  if (!isDeskStaff(actor) && !actor.customerOrgIds.includes(data.orgId)) throw notFound("That organisation");
  const now = new Date();
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, data.orgId));
    if (!org) throw notFound("That organisation");
    const policy = await policyForOrg(tx, data.orgId, data.priority, now);
    const clock: ClockState = { status: "new", consumedMinutes: 0, runningSince: now, firstRespondedAt: null, awaitingReplySince: null };
    const [ticket] = await tx
      .insert(tickets)
      .values({
        orgId: data.orgId,
        requesterId: actor.userId,
        requesterEmail: actor.email,
        subject: data.subject,
        priority: data.priority,
        category: data.category,
        replyToken: newReplyToken(),
        createdAt: now,
        updatedAt: now,
        ...clockColumns(clock, policy),
      })
      .returning();
    const message = await addMessage(tx, actor, { ticketId: ticket!.id, body: data.body, visibility: "public", channel, at: now });
    await linkNodes(tx, ticket!.id, data.orgId, data.nodeIds);
    await recordAudit(tx, actor, {
      action: "ticket.create",
      subjectType: "ticket",
      subjectId: ticket!.id,
      orgId: data.orgId,
      after: { number: ticket!.number, subject: data.subject, priority: data.priority, nodeIds: data.nodeIds },
    });
    await notifyTicketEvent(tx, { kind: "created", ticket: ticket!, messageId: message.id, actor });
    await announceTicket(tx, { ticketId: ticket!.id, orgId: data.orgId, number: ticket!.number, kind: "created" });
    return { ticketId: ticket!.id, number: ticket!.number };
  });
}

/** Where a reply moves the ticket when nobody chose a status: answering starts work, a customer's word reopens it. */
function statusAfterReply(current: TicketStatus, byStaff: boolean, visibility: "public" | "internal", chosen?: TicketStatus): TicketStatus {
  if (chosen) return chosen;
  if (visibility === "internal") return current;
  if (byStaff) return current === "new" ? "open" : current;
  return current === "open" || current === "new" ? current : "open";
}

/**
 * A message on a ticket. Customers write public replies only; staff write public replies (the only
 * thing that counts as a response) or internal notes (never shown or mailed to the customer).
 */
export async function replyToTicket(db: Db, actor: Actor, input: z.input<typeof replyInput>, channel: "portal" | "desk" | "email" = actor.isStaff ? "desk" : "portal", emailMessageId?: string) {
  const data = replyInput.parse(input);
  const byStaff = isDeskStaff(actor);
  if (!byStaff && (data.visibility === "internal" || data.status)) throw forbidden("Only support staff can write internal notes or set the status.");
  const now = new Date();
  return db.transaction(async (tx) => {
    const ticket = await ticketFor(tx, actor, data.ticketId, true);
    if (ticket.mergedIntoId) throw conflict("This ticket was merged into another; reply there.");
    if (ticket.status === "closed" && !byStaff) throw conflict("This ticket is closed. Please open a new ticket and mention this one.");
    const status = statusAfterReply(ticket.status, byStaff, data.visibility, data.status);
    const policy = await policyForOrg(tx, ticket.orgId, ticket.priority, now);
    let clock = clockStateOf(ticket);
    const firstResponse = byStaff && data.visibility === "public" && !clock.firstRespondedAt;
    const outcomes = slaOutcomes(ticket, clock, status, now, policy, firstResponse);
    if (data.visibility === "public") {
      clock = byStaff
        ? { ...clock, firstRespondedAt: clock.firstRespondedAt ?? now, awaitingReplySince: null }
        : { ...clock, awaitingReplySince: clock.awaitingReplySince ?? now };
    }
    if (status !== ticket.status || (clockRuns(status, policy) && !clock.runningSince)) clock = moveClock(clock, status, now, policy, policy);
    const message = await addMessage(tx, actor, { ticketId: ticket.id, body: data.body, visibility: data.visibility, channel, at: now, emailMessageId });
    await tx
      .update(tickets)
      .set({
        ...clockColumns(clock, policy),
        ...outcomes,
        updatedAt: now,
        solvedAt: status === "solved" ? now : doneStatuses.includes(status) ? ticket.solvedAt : null,
        closedAt: status === "closed" ? now : null,
      })
      .where(eq(tickets.id, ticket.id));
    await recordAudit(tx, actor, {
      action: data.visibility === "internal" ? "ticket.note" : "ticket.reply",
      subjectType: "ticket",
      subjectId: ticket.id,
      orgId: ticket.orgId,
      before: status === ticket.status ? undefined : { status: ticket.status },
      after: { messageId: message.id, ...(status === ticket.status ? {} : { status }) },
    });
    await notifyTicketEvent(tx, { kind: data.visibility === "internal" ? "note" : "reply", ticket: { ...ticket, status }, messageId: message.id, actor });
    await announceTicket(tx, { ticketId: ticket.id, orgId: ticket.orgId, number: ticket.number, kind: "message" });
    return { messageId: message.id, status };
  });
}
