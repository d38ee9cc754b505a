import { z } from "zod";
import { downtimeCostPerHour } from "@/server/sla/cost";
import type { ScenarioInput } from "@/server/sla/schemas";
import { badRequest } from "@/server/errors";
import { contractTermsSchema, measurementWindows, type ContractTerms, type ResponseTarget } from "./terms";

export const offerChoiceInput = z.object({
  tierName: z.string().trim().min(1),
  supportCalendarId: z.uuid(),
  serviceCalendarId: z.uuid().nullable(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable(),
});
export type OfferChoice = z.infer<typeof offerChoiceInput>;

const MAX_TARGET_MINUTES = 60 * 24 * 90;
const capped = (minutes: number) => Math.min(Math.max(1, Math.round(minutes)), MAX_TARGET_MINUTES);

/**
 * Per-priority ticket targets from a tier's response time: urgent tickets get the on-call response
 * (around the clock) where the tier has one, the rest scale from the in-hours response. These are
 * starting points for the negotiation, written into the proposal where the account manager can see
 * them, not a law of nature.
 */
function responseTargetsFor(tier: ScenarioInput["tiers"][number]): ResponseTarget[] {
  const aroundTheClock = tier.support === "24x7";
  const urgent = tier.onCallResponseMinutes ?? tier.responseMinutes;
  const urgentClock = aroundTheClock || tier.onCallResponseMinutes !== null ? "calendar" : "business";
  const clock = aroundTheClock ? "calendar" : "business";
  const r = tier.responseMinutes;
  return [
    { priority: "urgent", firstResponseMinutes: capped(urgent), nextReplyMinutes: capped(urgent * 2), resolutionMinutes: capped(Math.max(240, urgent * 8)), clock: urgentClock },
    { priority: "high", firstResponseMinutes: capped(r * 2), nextReplyMinutes: capped(r * 4), resolutionMinutes: capped(Math.max(480, r * 16)), clock },
    { priority: "normal", firstResponseMinutes: capped(r * 4), nextReplyMinutes: capped(r * 8), resolutionMinutes: capped(Math.max(2400, r * 40)), clock },
    { priority: "low", firstResponseMinutes: capped(r * 8), nextReplyMinutes: capped(r * 16), resolutionMinutes: capped(Math.max(4800, r * 80)), clock },
  ];
}

/**
 * The contract terms that offering one tier of a calculator scenario means: its availability, the
 * scenario's window and outage clause, credits and cost of downtime, and the calendars the account
 * manager picked. Windows shorter than a month are not contract windows; they fall back to a month.
 */
export function termsFromScenario(scenario: ScenarioInput, choice: OfferChoice): ContractTerms {
  const tier = scenario.tiers.find((t) => t.name === choice.tierName);
  if (!tier) throw badRequest(`The scenario has no tier named “${choice.tierName}”.`);
  const window = measurementWindows.find((w) => w === scenario.target.window) ?? "month";
  return contractTermsSchema.parse({
    availabilityTarget: tier.availability,
    measurementWindow: window,
    maxOutageMinutes: scenario.target.maxSingleOutageMinutes,
    serviceCalendarId: choice.serviceCalendarId,
    supportCalendarId: choice.supportCalendarId,
    responseTargets: responseTargetsFor(tier),
    pausingStatuses: ["waiting_on_customer", "on_hold"],
    downtimeCostPerHour: Math.round(downtimeCostPerHour(scenario.cost).perHour),
    monthlyPrice: tier.monthlyPrice,
    currency: scenario.currency,
    credits: scenario.credits.tiers,
    maintenance: { noticeDays: 7, window: "Tue 22:00–02:00", countsAsDowntime: false },
    startsOn: choice.startsOn,
    endsOn: choice.endsOn,
  });
}
