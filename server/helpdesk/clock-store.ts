import type { DbOrTx } from "@/db/client";
import type { tickets } from "@/db/schema";
import { calendarsById } from "@/server/calendars/store";
import { contractInForce } from "@/server/contracts/contracts";
import type { TicketPriority } from "@/server/contracts/terms";
import { deadlinesOf, type ClockState } from "./clock";
import { policyFor, type SlaPolicy } from "./policy";
import type { TicketRow } from "./access";

/** The policy for an org's ticket of `priority` at `at`: its contract in force, or the default. */
export async function policyForOrg(db: DbOrTx, orgId: string, priority: TicketPriority, at = new Date()): Promise<SlaPolicy> {
  const contract = await contractInForce(db, orgId, at);
  if (!contract) return policyFor(priority, null);
  const supportCalendar = (await calendarsById(db, [contract.terms.supportCalendarId])).get(contract.terms.supportCalendarId);
  if (!supportCalendar) throw new Error(`contract ${contract.id} names a missing support calendar`);
  return policyFor(priority, { version: contract.version, terms: contract.terms, supportCalendar });
}

export const clockStateOf = (row: TicketRow): ClockState => ({
  status: row.status,
  consumedMinutes: row.clockConsumedMinutes,
  runningSince: row.clockRunningSince,
  firstRespondedAt: row.firstRespondedAt,
  awaitingReplySince: row.awaitingReplySince,
});

/** The ticket columns that hold a clock state and the deadlines it gives under `policy`. */
export function clockColumns(state: ClockState, policy: SlaPolicy): Partial<typeof tickets.$inferInsert> {
  const deadlines = deadlinesOf(state, policy);
  return {
    status: state.status,
    slaSource: policy.source,
    clockConsumedMinutes: state.consumedMinutes,
    clockRunningSince: state.runningSince,
    firstRespondedAt: state.firstRespondedAt,
    awaitingReplySince: state.awaitingReplySince,
    ...deadlines,
  };
}
