import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CostParams, downtimeCost, downtimeCostPerHour, wholeUnits } from "./cost";

const shop: CostParams = {
  revenuePerHour: 2000,
  revenueImpactShare: 0.6,
  affectedStaff: 12,
  loadedHourlyCost: 65,
  productivityLossShare: 0.5,
  recoveryCostPerIncident: 400,
  hourlyWeights: null,
};

describe("cost of downtime", () => {
  it("adds lost revenue and lost work per hour, and keeps recovery per incident", () => {
    expect(downtimeCostPerHour(shop)).toEqual({ revenueLossPerHour: 1200, productivityLossPerHour: 390, timeOfDayFactor: 1, perHour: 1590, perIncident: 400 });
  });

  it("weights the hours of the day", () => {
    // Full cost 08–20, a fifth of it at night: (12 × 1 + 12 × 0.2) / 24 = 0.6.
    const weights = Array.from({ length: 24 }, (_, hour) => (hour >= 8 && hour < 20 ? 1 : 0.2));
    const cost = downtimeCostPerHour({ ...shop, hourlyWeights: weights });
    expect(cost.timeOfDayFactor).toBeCloseTo(0.6, 12);
    expect(cost.perHour).toBeCloseTo(1590 * 0.6, 9);
  });

  it("costs hours × rate plus recovery per incident", () => {
    expect(downtimeCost(2.5 * 3600, 2, downtimeCostPerHour(shop))).toBeCloseTo(2.5 * 1590 + 800, 9);
    expect(downtimeCost(0, 0, downtimeCostPerHour(shop))).toBe(0);
  });

  it("rounds money to whole units without a negative zero", () => {
    expect(wholeUnits(1234.5)).toBe(1235);
    expect(Object.is(wholeUnits(-0.2), 0)).toBe(true);
  });

  it("never costs less when any input grows", () => {
    const amount = fc.integer({ min: 0, max: 100_000 });
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    const params = fc.record({
      revenuePerHour: amount,
      revenueImpactShare: fraction,
      affectedStaff: fc.integer({ min: 0, max: 1000 }),
      loadedHourlyCost: amount,
      productivityLossShare: fraction,
      recoveryCostPerIncident: amount,
      hourlyWeights: fc.constant(null),
    });
    const keys = ["revenuePerHour", "revenueImpactShare", "affectedStaff", "loadedHourlyCost", "productivityLossShare", "recoveryCostPerIncident"] as const;
    fc.assert(
      fc.property(params, fc.constantFrom(...keys), fc.double({ min: 0, max: 10, noNaN: true }), fc.integer({ min: 0, max: 100_000 }), (base, key, extra, seconds) => {
        const grown = { ...base, [key]: base[key] + extra };
        const before = downtimeCost(seconds, 1, downtimeCostPerHour(base));
        expect(downtimeCost(seconds, 1, downtimeCostPerHour(grown))).toBeGreaterThanOrEqual(before);
        expect(downtimeCost(seconds + 1, 1, downtimeCostPerHour(base))).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
