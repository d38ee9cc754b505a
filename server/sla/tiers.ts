import { analyseCoverage } from "./coverage";
import { type DowntimeCost, downtimeCost, wholeUnits } from "./cost";
import type { WeeklyHours } from "./weekly-frames";
import { allowedDowntime, type YearConvention, yearSeconds } from "./windows";

/** One offer to compare: its promise, its support model and its price. */
export type TierSpec = {
  name: string;
  availability: number;
  support: WeeklyHours;
  responseMinutes: number;
  onCallResponseMinutes: number | null;
  failoverMinutes: number | null;
  monthlyPrice: number;
};

/** What fails and how long repairs take: the same platform whichever tier is bought. */
export type PlatformFailures = { failuresPerYear: number; detectMinutes: number; repairMinutes: number };

export type TierRow = {
  name: string;
  availability: number;
  /** What the contract lets the provider be down per year. */
  allowedDowntimePerYearSeconds: number;
  /** What the tier's support model achieves with the platform's failures (coverage.ts). */
  achievableDowntimePerYearSeconds: number;
  /** The larger of the two — see `compareTiers`. */
  expectedDowntimePerYearSeconds: number;
  expectedDowntimeBasis: "contract" | "support";
  expectedDowntimeCost: number;
  annualPrice: number;
  /** Price + expected downtime cost per year. */
  totalCost: number;
  /** The lowest total: the break-even, beyond which paying more stops paying off. */
  isBestValue: boolean;
};

export type TierStep = {
  from: string;
  to: string;
  priceIncrease: number;
  costReduction: number;
  /** Reduction − price increase: what the step is worth; negative when it does not pay off. */
  netBenefit: number;
  /** Nines of contractual availability gained: 99.9 % → 99.99 % is one. */
  ninesGained: number;
  /** The cost reduction per nine gained; null when the step gains none. */
  costReductionPerNine: number | null;
};

export type TierComparison = { rows: TierRow[]; steps: TierStep[]; bestValue: string };

/**
 * Compares tiers by total annual cost: price plus expected downtime cost, cheapest tier first.
 *
 * Expected downtime is the larger of two figures: what the contract allows, and what the tier's
 * support model achieves given the platform's failures (detect + wait for someone + repair, or the
 * failover time). Planning with the contract's allowance is the honest floor — a provider may use
 * every minute it is allowed, and a better support model does not oblige it to do better — and when
 * the support model cannot even meet the promise (Mon–Fri 08–18 support behind a 99.5 % promise),
 * the support model's figure is what the customer will live with. Service credits do not reduce it:
 * they are compared with the cost separately (credits.ts).
 */
export function compareTiers(tiers: readonly TierSpec[], platform: PlatformFailures, cost: DowntimeCost, year: YearConvention = "365.2425d"): TierComparison {
  if (tiers.length === 0) throw new RangeError("Compare at least one tier.");
  const byPrice = [...tiers].sort((a, b) => a.monthlyPrice - b.monthlyPrice || a.availability - b.availability);
  const rows = byPrice.map((tier): TierRow => {
    const allowed = allowedDowntime(tier.availability, yearSeconds(year));
    const { support, responseMinutes, onCallResponseMinutes, failoverMinutes } = tier;
    const achievable = analyseCoverage({ ...platform, support, responseMinutes, onCallResponseMinutes, failoverMinutes }, year).expectedDowntimePerYearSeconds;
    const expected = Math.max(allowed, achievable);
    const expectedDowntimeCost = wholeUnits(downtimeCost(expected, platform.failuresPerYear, cost));
    const annualPrice = wholeUnits(tier.monthlyPrice * 12);
    return {
      name: tier.name,
      availability: tier.availability,
      allowedDowntimePerYearSeconds: allowed,
      achievableDowntimePerYearSeconds: achievable,
      expectedDowntimePerYearSeconds: expected,
      expectedDowntimeBasis: achievable > allowed ? "support" : "contract",
      expectedDowntimeCost,
      annualPrice,
      totalCost: annualPrice + expectedDowntimeCost,
      isBestValue: false,
    };
  });
  const best = rows.reduce((lowest, row) => (row.totalCost < lowest.totalCost ? row : lowest));
  best.isBestValue = true;
  const steps = rows.slice(1).map((to, i): TierStep => {
    const from = rows[i] as TierRow;
    const costReduction = from.expectedDowntimeCost - to.expectedDowntimeCost;
    const priceIncrease = to.annualPrice - from.annualPrice;
    const ninesGained = Math.log10((1 - from.availability) / (1 - to.availability));
    return {
      from: from.name,
      to: to.name,
      priceIncrease,
      costReduction,
      netBenefit: costReduction - priceIncrease,
      ninesGained,
      costReductionPerNine: ninesGained > 0 ? wholeUnits(costReduction / ninesGained) : null,
    };
  });
  return { rows, steps, bestValue: best.name };
}
