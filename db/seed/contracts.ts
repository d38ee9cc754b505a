import type { Tx } from "@/db/client";
import { calendars, contracts, plans } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { calendar24x7, weekdayHours } from "@/server/calendars/schema";
import type { BusinessCalendar } from "@/server/calendars/types";
import { contractTermsSchema, type ContractTerms, type ResponseTarget } from "@/server/contracts/terms";

/** Nationwide public holidays in Germany, 2026–2027. */
const germanHolidays = [
  "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26",
  "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-17", "2027-10-03", "2027-12-25", "2027-12-26",
];
/** US federal holidays (observed dates), 2026–2027. */
const usHolidays = [
  "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
  "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
];

const demoCalendars: Record<"roundTheClock" | "berlinOffice" | "berlinExtended" | "newYorkOffice", { name: string } & BusinessCalendar> = {
  roundTheClock: { name: "Around the clock", ...calendar24x7("Europe/Berlin") },
  berlinOffice: { name: "Office hours Berlin", ...weekdayHours("Europe/Berlin", 8, 18, [1, 2, 3, 4, 5], germanHolidays) },
  berlinExtended: { name: "Extended hours Berlin", ...weekdayHours("Europe/Berlin", 7, 20, [1, 2, 3, 4, 5], germanHolidays) },
  newYorkOffice: { name: "Office hours New York", ...weekdayHours("America/New_York", 9, 17, [1, 2, 3, 4, 5], usHolidays) },
};

const targets = (clock: ResponseTarget["clock"], rows: [ResponseTarget["priority"], number, number, number][]): ResponseTarget[] =>
  rows.map(([priority, firstResponseMinutes, nextReplyMinutes, resolutionMinutes]) => ({ priority, firstResponseMinutes, nextReplyMinutes, resolutionMinutes, clock }));

type PlanKey = "basic" | "business" | "premium";

function planTerms(plan: PlanKey, calendarIds: Record<keyof typeof demoCalendars, string>): ContractTerms {
  const common = { currency: "EUR", serviceCalendarId: null, pausingStatuses: ["waiting_on_customer", "on_hold"] as ContractTerms["pausingStatuses"], startsOn: "2026-01-01", endsOn: null };
  const byPlan: Record<PlanKey, ContractTerms> = {
    basic: {
      ...common,
      availabilityTarget: 0.995,
      measurementWindow: "month",
      maxOutageMinutes: null,
      supportCalendarId: calendarIds.berlinOffice,
      responseTargets: targets("business", [["urgent", 240, 480, 2400], ["high", 480, 960, 4800], ["normal", 960, 1440, 9600], ["low", 2400, 2400, 24000]]),
      downtimeCostPerHour: 500,
      monthlyPrice: 290,
      credits: [{ belowAvailability: 0.995, creditShare: 0.05 }],
      maintenance: { noticeDays: 5, window: "Tue 22:00–02:00", countsAsDowntime: false },
    },
    business: {
      ...common,
      availabilityTarget: 0.999,
      measurementWindow: "month",
      maxOutageMinutes: 240,
      supportCalendarId: calendarIds.berlinExtended,
      responseTargets: [
        ...targets("calendar", [["urgent", 60, 120, 480]]),
        ...targets("business", [["high", 120, 240, 1440], ["normal", 480, 960, 4800], ["low", 1440, 1440, 9600]]),
      ],
      downtimeCostPerHour: 2000,
      monthlyPrice: 890,
      credits: [
        { belowAvailability: 0.999, creditShare: 0.1 },
        { belowAvailability: 0.99, creditShare: 0.3 },
      ],
      maintenance: { noticeDays: 7, window: "Tue 22:00–02:00", countsAsDowntime: false },
    },
    premium: {
      ...common,
      availabilityTarget: 0.9995,
      measurementWindow: "month",
      maxOutageMinutes: 60,
      supportCalendarId: calendarIds.roundTheClock,
      responseTargets: targets("calendar", [["urgent", 30, 60, 240], ["high", 60, 120, 720], ["normal", 240, 480, 2880], ["low", 960, 1440, 7200]]),
      downtimeCostPerHour: 8000,
      monthlyPrice: 2490,
      credits: [
        { belowAvailability: 0.9995, creditShare: 0.1 },
        { belowAvailability: 0.999, creditShare: 0.25 },
        { belowAvailability: 0.99, creditShare: 0.5 },
      ],
      maintenance: { noticeDays: 14, window: "Sun 02:00–04:00", countsAsDowntime: false },
    },
  };
  return contractTermsSchema.parse(byPlan[plan]);
}

const planSummaries: Record<PlanKey, { name: string; summary: string }> = {
  basic: { name: "Basic", summary: "Office-hours support, 99.5 % a month, for staging and internal tools." },
  business: { name: "Business", summary: "Extended hours with urgent tickets around the clock, 99.9 % a month, outages capped at 4 h." },
  premium: { name: "Premium", summary: "Engineers on call around the clock, 99.95 % a month, outages capped at 1 h." },
};

/**
 * The SLA side of the demo: calendars, the plan catalogue, and contracts that differ on purpose —
 * Acme on Business (Berlin hours, urgent around the clock), Globex on Basic but with its support
 * counted in New York office hours.
 */
export async function seedContracts(tx: Tx, customers: { acme: string; globex: string }, accountManagerId: string): Promise<void> {
  const calendarIds = {} as Record<keyof typeof demoCalendars, string>;
  for (const [key, calendar] of Object.entries(demoCalendars) as [keyof typeof demoCalendars, (typeof demoCalendars)[keyof typeof demoCalendars]][]) {
    const [row] = await tx.insert(calendars).values(calendar).returning({ id: calendars.id });
    calendarIds[key] = row!.id;
  }
  for (const [position, plan] of (["basic", "business", "premium"] as const).entries()) {
    await tx.insert(plans).values({ ...planSummaries[plan], position, terms: planTerms(plan, calendarIds) });
  }
  const acme = planTerms("business", calendarIds);
  const globex = { ...planTerms("basic", calendarIds), supportCalendarId: calendarIds.newYorkOffice };
  for (const [orgId, terms] of [
    [customers.acme, acme],
    [customers.globex, globex],
  ] as const) {
    const [contract] = await tx
      .insert(contracts)
      .values({ orgId, version: 1, terms, startsOn: terms.startsOn, endsOn: terms.endsOn, createdBy: accountManagerId })
      .returning({ id: contracts.id });
    await recordAudit(tx, { system: "seed" }, { action: "contract.create", subjectType: "contract", subjectId: contract!.id, orgId, after: { version: 1, terms } });
  }
}
