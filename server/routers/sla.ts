import { calendarIdInput, calendarInput, createCalendar, getCalendar, listCalendars, updateCalendar, updateCalendarInput } from "@/server/calendars/store";
import { contractOf } from "@/server/contracts/contracts";
import { listPlans } from "@/server/contracts/plans";
import { acceptProposal, createProposal, getProposal, listProposals, reviseProposal, withdrawProposal } from "@/server/contracts/proposals";
import { acceptProposalInput, createProposalInput, listProposalsInput, proposalIdInput, reviseProposalInput } from "@/server/contracts/schemas";
import { orgIdInput } from "@/server/identity/schemas";
import { availabilityOfChain, chainAvailabilityOfNodeInput } from "@/server/inventory/chain-availability";
import { calculateScenario } from "@/server/sla/scenario";
import { scenarioInput } from "@/server/sla/schemas";
import { orgProcedure, router, staffProcedure } from "@/server/trpc";

const staff = staffProcedure("agent", "engineer", "account_manager");
/** Proposals, contracts and the calendars they name are the account managers' (and admins'). */
const negotiator = staffProcedure("account_manager");

export const slaRouter = router({
  /** The calculator: pure math, so it answers without touching the database. */
  calculate: staff.input(scenarioInput).query(({ input }) => calculateScenario(input)),
  chainAvailability: staff.input(chainAvailabilityOfNodeInput).query(({ ctx, input }) => availabilityOfChain(ctx.db, ctx.actor, input)),

  calendars: staff.query(({ ctx }) => listCalendars(ctx.db, ctx.actor)),
  calendar: staff.input(calendarIdInput).query(({ ctx, input }) => getCalendar(ctx.db, ctx.actor, input)),
  createCalendar: negotiator.input(calendarInput).mutation(({ ctx, input }) => createCalendar(ctx.db, ctx.actor, input)),
  updateCalendar: negotiator.input(updateCalendarInput).mutation(({ ctx, input }) => updateCalendar(ctx.db, ctx.actor, input)),

  plans: staff.query(({ ctx }) => listPlans(ctx.db, ctx.actor)),
  proposals: staff.input(listProposalsInput).query(({ ctx, input }) => listProposals(ctx.db, ctx.actor, input)),
  proposal: staff.input(proposalIdInput).query(({ ctx, input }) => getProposal(ctx.db, ctx.actor, input)),
  createProposal: negotiator.input(createProposalInput).mutation(({ ctx, input }) => createProposal(ctx.db, ctx.actor, input)),
  reviseProposal: negotiator.input(reviseProposalInput).mutation(({ ctx, input }) => reviseProposal(ctx.db, ctx.actor, input)),
  withdrawProposal: negotiator.input(proposalIdInput).mutation(({ ctx, input }) => withdrawProposal(ctx.db, ctx.actor, input)),
  acceptProposal: negotiator.input(acceptProposalInput).mutation(({ ctx, input }) => acceptProposal(ctx.db, ctx.actor, input)),

  /** An org's contract: its own people read it in the portal, staff everywhere. */
  contract: orgProcedure.input(orgIdInput).query(({ ctx, input }) => contractOf(ctx.db, ctx.actor, input)),
});
