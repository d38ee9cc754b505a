import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downtimeCostPerHour } from "./cost";
import { creditGap, creditShareFor, creditThresholds, type CreditTier } from "./credits";

const tiers: CreditTier[] = [
  { belowAvailability: 0.999, creditShare: 0.1 },
  { belowAvailability: 0.99, creditShare: 0.3 },
];
const month = 30 * 86_400;
const cost = downtimeCostPerHour({
  revenuePerHour: 2000,
  revenueImpactShare: 0.6,
  affectedStaff: 12,
  loadedHourlyCost: 65,
  productivityLossShare: 0.5,
  recoveryCostPerIncident: 400,
  hourlyWeights: null,
});

describe("service credits", () => {
  it("credits the largest share whose threshold the month falls below", () => {
    expect(creditShareFor(0.9995, tiers)).toBe(0);
    expect(creditShareFor(0.999, tiers)).toBe(0);
    expect(creditShareFor(0.995, tiers)).toBe(0.1);
    expect(creditShareFor(0.98, tiers)).toBe(0.3);
    expect(creditShareFor(0.98, [...tiers].reverse())).toBe(0.3);
    expect(creditShareFor(0.5, [])).toBe(0);
  });

  it("says from how much downtime each credit applies", () => {
    const thresholds = creditThresholds([...tiers].reverse(), month);
    expect(thresholds.map((tier) => tier.creditShare)).toEqual([0.1, 0.3]);
    expect(thresholds[0]?.downtimeOverSeconds).toBeCloseTo(2592, 6);
    expect(thresholds[1]?.downtimeOverSeconds).toBeCloseTo(25_920, 6);
  });

  it("shows how little of an outage's cost the credit covers", () => {
    // 8 h in a 30-day month: 98.89 %, 30 % of 890 = 267, against 8 × 1590 + 400 = 13,120.
    const gap = creditGap({ downtimeSeconds: 8 * 3600, incidents: 1, countedSeconds: month, monthlyFee: 890 }, tiers, cost);
    expect(gap.measuredAvailability).toBeCloseTo(1 - 8 / 720, 12);
    expect(gap).toMatchObject({ creditShare: 0.3, credit: 267, outageCost: 13_120, uncoveredCost: 12_853 });
  });

  it("never credits less for less availability", () => {
    const tier = fc.record({ belowAvailability: fc.double({ min: 0.5, max: 0.9999, noNaN: true }), creditShare: fc.double({ min: 0.01, max: 1, noNaN: true }) });
    const measured = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(tier, { maxLength: 5 }), measured, measured, (table, a, b) => {
        const [lower, higher] = a <= b ? [a, b] : [b, a];
        expect(creditShareFor(lower, table)).toBeGreaterThanOrEqual(creditShareFor(higher, table));
      }),
      { numRuns: 200 },
    );
  });
});
