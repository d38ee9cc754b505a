import { describe, expect, it } from "vitest";
import type { WeeklyFrame } from "@/server/calendars/types";
import { downtimeCostPerHour } from "./cost";
import { compareTiers, type TierSpec } from "./tiers";

const HOUR = 3600;
const YEAR = 365.2425 * 86_400;
const weekdays = (start: number, end: number): WeeklyFrame[] => ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: start * 60, endMinute: end * 60 }));
const platform = { failuresPerYear: 3, detectMinutes: 10, repairMinutes: 90 };
const cost = downtimeCostPerHour({ revenuePerHour: 1000, revenueImpactShare: 1, affectedStaff: 0, loadedHourlyCost: 0, productivityLossShare: 0, recoveryCostPerIncident: 100, hourlyWeights: null });
const basic: TierSpec = { name: "Basic", availability: 0.995, support: weekdays(8, 18), responseMinutes: 240, onCallResponseMinutes: null, failoverMinutes: null, monthlyPrice: 290 };
const business: TierSpec = { name: "Business", availability: 0.999, support: weekdays(7, 20), responseMinutes: 60, onCallResponseMinutes: 60, failoverMinutes: null, monthlyPrice: 890 };
const premium: TierSpec = { name: "Premium", availability: 0.9995, support: "24x7", responseMinutes: 30, onCallResponseMinutes: null, failoverMinutes: 5, monthlyPrice: 2490 };

describe("compareTiers", () => {
  const comparison = compareTiers([premium, basic, business], platform, cost);

  it("lists tiers cheapest first", () => {
    expect(comparison.rows.map((row) => row.name)).toEqual(["Basic", "Business", "Premium"]);
  });

  it("expects the support model's downtime where it cannot keep the promise, else the contract's", () => {
    const [rowBasic, rowBusiness, rowPremium] = comparison.rows;
    // Basic waits for office hours: 3 × (10 min + 4 h × 50/168 + 2314/168 h + 90 min).
    const basicRestore = 100 / 60 + 4 * (50 / 168) + 2314 / 168;
    expect(rowBasic?.achievableDowntimePerYearSeconds).toBeCloseTo(3 * basicRestore * HOUR, 6);
    expect(rowBasic?.expectedDowntimeBasis).toBe("support");
    expect(rowBasic?.expectedDowntimePerYearSeconds).toBe(rowBasic?.achievableDowntimePerYearSeconds);
    expect(rowPremium?.expectedDowntimeBasis).toBe("contract");
    expect(rowPremium?.expectedDowntimePerYearSeconds).toBeCloseTo(0.0005 * YEAR, 3);
    expect(rowBusiness?.expectedDowntimePerYearSeconds).toBeGreaterThanOrEqual(rowBusiness?.allowedDowntimePerYearSeconds ?? Infinity);
  });

  it("totals price and expected downtime cost in whole units", () => {
    for (const row of comparison.rows) {
      expect(row.expectedDowntimeCost).toBe(Math.round((row.expectedDowntimePerYearSeconds / HOUR) * 1000 + 3 * 100));
      expect(row.totalCost).toBe(row.annualPrice + row.expectedDowntimeCost);
    }
    expect(comparison.rows[0]?.annualPrice).toBe(3480);
  });

  it("marks the lowest total as the break-even and values each step", () => {
    const best = comparison.rows.filter((row) => row.isBestValue);
    expect(best).toHaveLength(1);
    expect(best[0]?.totalCost).toBe(Math.min(...comparison.rows.map((row) => row.totalCost)));
    expect(comparison.bestValue).toBe(best[0]?.name);
    expect(comparison.bestValue).toBe("Business");
    const [toBusiness, toPremium] = comparison.steps;
    expect(toBusiness).toMatchObject({ from: "Basic", to: "Business" });
    expect(toBusiness?.netBenefit).toBeGreaterThan(0);
    expect(toPremium?.netBenefit).toBeLessThan(0);
    expect(toPremium?.ninesGained).toBeCloseTo(Math.log10(2), 9);
    expect(toPremium?.costReductionPerNine).toBe(Math.round((toPremium?.costReduction ?? 0) / Math.log10(2)));
  });

  it("gives no per-nine value to a step that gains none", () => {
    const same = compareTiers([basic, { ...basic, name: "Basic plus", monthlyPrice: 300 }], platform, cost);
    expect(same.steps[0]?.costReductionPerNine).toBeNull();
    expect(same.bestValue).toBe("Basic");
  });
});
