import { analyseCoverage } from "./coverage";
import { downtimeCost, downtimeCostPerHour, wholeUnits } from "./cost";
import { creditGap, creditThresholds } from "./credits";
import { type DurationStyle, formatDuration } from "./format-duration";
import type { Locale } from "./locale";
import { longestOutagePerWindow } from "./outage";
import type { ScenarioInput } from "./schemas";
import { serviceShare } from "./service-time";
import { termsText } from "./terms";
import { compareTiers, type TierRow, type TierStep } from "./tiers";
import { SECONDS_PER_MINUTE } from "./time-units";
import { framesOf } from "./weekly-frames";
import { allowedDowntime, type Conventions, downtimeTable, type MeasurementWindow, spreadBetweenConventions, windowSeconds, yearSeconds } from "./windows";

/** A duration as the page shows it: exact seconds for charts, floored text for reading. */
export type ShownDuration = { seconds: number; text: string };

export type ScenarioResult = {
  locale: Locale;
  currency: string;
  target: {
    availability: number;
    window: MeasurementWindow;
    /** The budget in the chosen window, counted in service time for a service-time SLA. */
    allowedDowntime: ShownDuration;
    /** The share of all time the SLA counts: 1 for 24×7. */
    serviceShare: number;
  };
  downtimeByWindow: { window: MeasurementWindow; windowSeconds: number; allowed: ShownDuration }[];
  /** The same availability per month under each month convention in use. */
  monthConventions: { byConvention: { convention: string; allowed: ShownDuration }[]; min: ShownDuration; max: ShownDuration; spread: ShownDuration };
  longestOutage: { window: MeasurementWindow; budget: ShownDuration; longest: ShownDuration; limitedBy: "budget" | "clause" }[];
  coverage: {
    supportShare: number;
    expectedWait: ShownDuration;
    p90Wait: ShownDuration;
    restore: ShownDuration;
    outagePerFailure: ShownDuration;
    unprotectedPerFailure: ShownDuration;
    expectedDowntimePerYear: ShownDuration;
    achievableAvailability: number;
    /** Whether the support model restores fast enough to keep within the yearly allowance. */
    meetsTarget: boolean;
  };
  /** Whole currency units. */
  cost: { revenueLossPerHour: number; productivityLossPerHour: number; timeOfDayFactor: number; perHour: number; perIncident: number; annualAtTarget: number };
  tiers: {
    rows: (Pick<TierRow, "name" | "availability" | "expectedDowntimeBasis" | "expectedDowntimeCost" | "annualPrice" | "totalCost" | "isBestValue"> & {
      allowedDowntimePerYear: ShownDuration;
      achievableDowntimePerYear: ShownDuration;
      expectedDowntimePerYear: ShownDuration;
    })[];
    steps: TierStep[];
    bestValue: string;
  };
  credits: {
    monthlyFee: number;
    thresholds: { belowAvailability: number; creditShare: number; downtimeOver: ShownDuration }[];
    /** One outage of the example length in a month: the credit against what it cost. */
    example: { downtime: ShownDuration; measuredAvailability: number; creditShare: number; credit: number; outageCost: number; uncoveredCost: number };
  };
  terms: Record<Locale, string>;
};

/**
 * Everything the SLA calculator page shows, from one parsed input. Runs in well under a
 * millisecond: a handful of windows, tiers and weekly frames, no graph and no calendar walk.
 */
export function calculateScenario(input: ScenarioInput): ScenarioResult {
  const { locale, target, coverage: coverageInput, cost: costInput } = input;
  const shown = (seconds: number, style?: DurationStyle): ShownDuration => ({ seconds, text: formatDuration(seconds, locale, style) });
  const conventions: Conventions = { month: target.monthConvention, year: target.yearConvention };
  const share = input.serviceHours.hours === "24x7" ? 1 : serviceShare(framesOf(input.serviceHours.hours), input.serviceHours.holidaysPerYear, target.yearConvention);
  const year = yearSeconds(target.yearConvention);
  const maxSingleOutageSeconds = target.maxSingleOutageMinutes === null ? null : target.maxSingleOutageMinutes * SECONDS_PER_MINUTE;
  const allowedInWindow = allowedDowntime(target.availability, windowSeconds(target.window, conventions) * share);

  const spread = spreadBetweenConventions(target.availability, share);
  const coverage = analyseCoverage(coverageInput, target.yearConvention);
  const cost = downtimeCostPerHour(costInput);
  const tiers = compareTiers(input.tiers, coverageInput, cost, target.yearConvention);
  const month = windowSeconds("month", conventions) * share;
  const example = creditGap(
    { downtimeSeconds: input.credits.exampleOutageMinutes * SECONDS_PER_MINUTE, incidents: 1, countedSeconds: month, monthlyFee: input.credits.monthlyFee },
    input.credits.tiers,
    cost,
  );

  const onCall = coverageInput.onCallResponseMinutes;
  const terms = (termsLocale: Locale) =>
    termsText(
      {
        allowedDowntimeSeconds: allowedInWindow,
        window: target.window,
        countedInServiceHoursOnly: share < 1,
        maxSingleOutageSeconds,
        supportFrames: framesOf(coverageInput.support),
        supportExceptHolidays: coverageInput.supportExceptHolidays,
        // One promise that holds at every hour: the slower of the in-hours and on-call response.
        urgentResponseMinutes: Math.max(coverageInput.responseMinutes, onCall ?? 0),
        urgentResponseAroundTheClock: onCall !== null,
      },
      termsLocale,
    );

  return {
    locale,
    currency: input.currency,
    target: { availability: target.availability, window: target.window, allowedDowntime: shown(allowedInWindow), serviceShare: share },
    downtimeByWindow: downtimeTable(target.availability, conventions, share).map((row) => ({
      window: row.window,
      windowSeconds: row.windowSeconds,
      allowed: shown(row.allowedSeconds),
    })),
    monthConventions: {
      byConvention: spread.byConvention.map((entry) => ({ convention: entry.convention, allowed: shown(entry.allowedSeconds) })),
      min: shown(spread.minSeconds),
      max: shown(spread.maxSeconds),
      spread: shown(spread.spreadSeconds),
    },
    // In days: "3 d 15 h 39 m" says "half a week" where "87 h 39 m" needs arithmetic.
    longestOutage: longestOutagePerWindow(target.availability, { conventions, serviceShare: share, maxSingleOutageSeconds }).map((row) => ({
      window: row.window,
      budget: shown(row.budgetSeconds, { largestUnit: "d", maxParts: 3 }),
      longest: shown(row.longestSeconds, { largestUnit: "d", maxParts: 3 }),
      limitedBy: row.limitedBy,
    })),
    coverage: {
      supportShare: coverage.supportShare,
      expectedWait: shown(coverage.expectedWaitSeconds),
      p90Wait: shown(coverage.p90WaitSeconds),
      restore: shown(coverage.restoreSeconds),
      outagePerFailure: shown(coverage.outagePerFailureSeconds),
      unprotectedPerFailure: shown(coverage.unprotectedSecondsPerFailure),
      expectedDowntimePerYear: shown(coverage.expectedDowntimePerYearSeconds),
      achievableAvailability: coverage.achievableAvailability,
      // Counts all downtime even for a service-time SLA, so it errs on the side of "not met".
      meetsTarget: coverage.expectedDowntimePerYearSeconds <= allowedDowntime(target.availability, year * share),
    },
    cost: {
      revenueLossPerHour: wholeUnits(cost.revenueLossPerHour),
      productivityLossPerHour: wholeUnits(cost.productivityLossPerHour),
      timeOfDayFactor: cost.timeOfDayFactor,
      perHour: wholeUnits(cost.perHour),
      perIncident: wholeUnits(cost.perIncident),
      annualAtTarget: wholeUnits(downtimeCost(allowedDowntime(target.availability, year * share), coverageInput.failuresPerYear, cost)),
    },
    tiers: {
      rows: tiers.rows.map((row) => ({
        name: row.name,
        availability: row.availability,
        allowedDowntimePerYear: shown(row.allowedDowntimePerYearSeconds),
        achievableDowntimePerYear: shown(row.achievableDowntimePerYearSeconds),
        expectedDowntimePerYear: shown(row.expectedDowntimePerYearSeconds),
        expectedDowntimeBasis: row.expectedDowntimeBasis,
        expectedDowntimeCost: row.expectedDowntimeCost,
        annualPrice: row.annualPrice,
        totalCost: row.totalCost,
        isBestValue: row.isBestValue,
      })),
      steps: tiers.steps,
      bestValue: tiers.bestValue,
    },
    credits: {
      monthlyFee: input.credits.monthlyFee,
      thresholds: creditThresholds(input.credits.tiers, month).map((tier) => ({
        belowAvailability: tier.belowAvailability,
        creditShare: tier.creditShare,
        downtimeOver: shown(tier.downtimeOverSeconds),
      })),
      example: { downtime: shown(input.credits.exampleOutageMinutes * SECONDS_PER_MINUTE), ...example },
    },
    terms: { en: terms("en"), de: terms("de") },
  };
}
