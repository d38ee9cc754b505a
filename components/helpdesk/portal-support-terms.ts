import "server-only";
import { serverCaller } from "@/components/trpc/server";
import type { ResponseTarget } from "@/server/contracts/terms";
import { DEFAULT_SUPPORT_CALENDAR, DEFAULT_TARGETS } from "@/server/helpdesk/policy";

/**
 * The support terms an org's tickets run under, as the portal words them: the time zone its
 * support hours (and so its due times) are in, and the response target per priority. From its
 * contract in force, or the help desk's default policy, the same choice policyForOrg makes.
 */
export async function portalSupportTerms(orgId: string): Promise<{ timeZone: string; targets: readonly ResponseTarget[]; fromContract: boolean }> {
  const contract = (await (await serverCaller()).sla.contract({ orgId })).current;
  if (!contract) return { timeZone: DEFAULT_SUPPORT_CALENDAR.timeZone, targets: DEFAULT_TARGETS, fromContract: false };
  return { timeZone: contract.calendars.support.timeZone, targets: contract.terms.responseTargets, fromContract: true };
}
