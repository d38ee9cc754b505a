import { complianceInput, monthlyCompliance } from "@/server/helpdesk/compliance";
import { ticketAnnouncements } from "@/server/helpdesk/live";
import { listDeskPeople } from "@/server/helpdesk/people";
import { ticketNodeChoices } from "@/server/helpdesk/node-choices";
import { presenceInput, presenceOnTicket } from "@/server/helpdesk/presence";
import { previewInput, previewMessage } from "@/server/helpdesk/preview";
import { listQueue } from "@/server/helpdesk/queue";
import { queueCounts } from "@/server/helpdesk/queue-counts";
import { bulkUpdateInput, createTicketInput, escalateInput, mergeInput, queueInput, rateInput, replyInput, ticketIdInput, ticketViewInput, updateTicketInput } from "@/server/helpdesk/schemas";
import { bulkUpdateTickets, closeTicketAsCustomer, escalateTicket, mergeTickets, rateTicket, updateTicket } from "@/server/helpdesk/ticket-changes";
import { ticketDeadlines } from "@/server/helpdesk/sla-deadlines";
import { findTicketByNumber, ticketNumberInput } from "@/server/helpdesk/ticket-lookup";
import { getTicket } from "@/server/helpdesk/ticket-view";
import { createTicket, replyToTicket } from "@/server/helpdesk/tickets";
import { authedProcedure, orgProcedure, router, staffProcedure } from "@/server/trpc";

/** Agents and engineers (and admins) work tickets; customers reach only their own orgs' tickets. */
const desk = staffProcedure("agent", "engineer");

export const helpdeskRouter = router({
  queue: authedProcedure.input(queueInput).query(({ ctx, input }) => listQueue(ctx.db, ctx.actor, input)),
  ticket: authedProcedure.input(ticketViewInput).query(({ ctx, input }) => getTicket(ctx.db, ctx.actor, input)),
  create: authedProcedure.input(createTicketInput).mutation(({ ctx, input }) => createTicket(ctx.db, ctx.actor, input)),
  reply: authedProcedure.input(replyInput).mutation(({ ctx, input }) => replyToTicket(ctx.db, ctx.actor, input)),
  close: authedProcedure.input(ticketIdInput).mutation(({ ctx, input }) => closeTicketAsCustomer(ctx.db, ctx.actor, input)),
  rate: authedProcedure.input(rateInput).mutation(({ ctx, input }) => rateTicket(ctx.db, ctx.actor, input)),
  /** Month-by-month SLA compliance of one org, for its account and its own people. */
  compliance: orgProcedure.input(complianceInput).query(({ ctx, input }) => monthlyCompliance(ctx.db, ctx.actor, input)),
  /** The org's VMs and their services, for choosing what a new ticket is about. */
  nodeChoices: orgProcedure.query(({ ctx, input }) => ticketNodeChoices(ctx.db, ctx.actor, input)),

  /** Live: ticket changes the actor may see, as they commit in any web process (SSE). */
  events: authedProcedure.subscription(({ ctx, signal }) => ticketAnnouncements(ctx.actor, signal)),
  /** Live: says the caller has a ticket open, and streams who else has. */
  presence: desk.input(presenceInput).subscription(({ ctx, input, signal }) => presenceOnTicket(ctx.db, ctx.actor, input, signal)),

  people: desk.query(({ ctx }) => listDeskPeople(ctx.db, ctx.actor)),
  update: desk.input(updateTicketInput).mutation(({ ctx, input }) => updateTicket(ctx.db, ctx.actor, input)),
  bulkUpdate: desk.input(bulkUpdateInput).mutation(({ ctx, input }) => bulkUpdateTickets(ctx.db, ctx.actor, input)),
  escalate: desk.input(escalateInput).mutation(({ ctx, input }) => escalateTicket(ctx.db, ctx.actor, input)),
  merge: desk.input(mergeInput).mutation(({ ctx, input }) => mergeTickets(ctx.db, ctx.actor, input)),
  /** How many tickets each working view holds (capped), for the desk's view tabs. */
  queueCounts: desk.query(({ ctx }) => queueCounts(ctx.db, ctx.actor)),
  /** A ticket by its number (desk URLs, "merge into #N"). */
  lookup: desk.input(ticketNumberInput).query(({ ctx, input }) => findTicketByNumber(ctx.db, ctx.actor, input)),
  /** Each SLA deadline with the business time left, for the ticket page. */
  deadlines: desk.input(ticketIdInput).query(({ ctx, input }) => ticketDeadlines(ctx.db, ctx.actor, input)),
  /** A draft rendered as it will be stored. A mutation only so a long draft travels in a POST body, not a URL: it changes nothing. */
  preview: desk.input(previewInput).mutation(({ ctx, input }) => previewMessage(ctx.actor, input)),
});
