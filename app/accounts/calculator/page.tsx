import type { Metadata } from "next";
import { Calculator } from "@/components/sla/calculator";
import { firstOfNextMonth } from "@/components/sla/offer-defaults";
import { decodeScenario, SCENARIO_PARAM } from "@/components/sla/scenario-url";
import { serverCaller } from "@/components/trpc/server";
import { hasStaffRole } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "SLA calculator" };

/**
 * The SLA calculator. The scenario comes from the link (`?s=`), or the defaults; the calculation
 * itself runs in the browser. Only those who negotiate may turn it into a proposal.
 */
export default async function CalculatorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, actor, caller] = await Promise.all([searchParams, getActor(), serverCaller()]);
  const { scenario, notice } = decodeScenario(params[SCENARIO_PARAM]);
  const canPropose = actor !== null && hasStaffRole(actor, ["account_manager"]);
  const [orgs, calendars] = await Promise.all([caller.orgs.list(), canPropose ? caller.sla.calendars() : Promise.resolve([])]);
  return (
    <Calculator
      initial={scenario}
      notice={notice}
      canPropose={canPropose}
      customers={orgs.filter((o) => o.kind === "customer").map(({ id, name }) => ({ id, name }))}
      calendars={calendars.map(({ id, name, frames }) => ({ id, name, frames }))}
      defaultStartsOn={firstOfNextMonth(new Date())}
    />
  );
}
