import { describe, expect, it } from "vitest";
import { availabilityTreeSchema, chainAvailabilityInput, scenarioInput, weeklyHoursSchema } from "./schemas";

/** The messages a form shows, by field path. */
function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string> {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("scenarioInput", () => {
  it("fills a whole demo scenario from nothing", () => {
    const input = scenarioInput.parse({});
    expect(input.locale).toBe("en");
    expect(input.currency).toBe("EUR");
    expect(input.target.monthConvention).toEqual({ kind: "30.44d" });
    expect(input.tiers.map((tier) => [tier.name, tier.availability])).toEqual([
      ["Basic", 0.995],
      ["Business", 0.999],
      ["Premium", 0.9995],
    ]);
    expect(input.cost.revenuePerHour).toBe(2000);
    expect(input.coverage.support).toHaveLength(5);
  });

  it("hands out fresh defaults each time", () => {
    const first = scenarioInput.parse({});
    first.tiers[0]!.name = "changed";
    expect(scenarioInput.parse({}).tiers[0]?.name).toBe("Basic");
  });

  it("explains what is wrong in plain English", () => {
    const result = scenarioInput.safeParse({
      target: { availability: 99.9, monthConvention: { kind: "fortnight" } },
      cost: { revenuePerHour: 12.5, revenueImpactShare: 2 },
      tiers: [{ name: "Only", availability: 0.99, support: "24x7", responseMinutes: 30, monthlyPrice: 100 }],
      coverage: { support: [{ weekday: 7, startMinute: 600, endMinute: 480 }] },
    });
    expect(messages(result)).toEqual({
      "target.availability": "Availability must be below 1 (100 %): no service can promise that it is never down.",
      "target.monthConvention": 'Choose a month convention: "30d", "30.44d", "730h", or "calendar" with a year and month.',
      "cost.revenuePerHour": "The revenue per hour must be in whole currency units.",
      "cost.revenueImpactShare": "The revenue impact share must be a number from 0 to 1 (0.5 for 50 %).",
      tiers: "Compare at least 2 tiers.",
      "coverage.support": "Frame 1: Use a weekday from 0 (Sunday) to 6 (Saturday).",
    });
  });

  it("refuses a frame that ends before it starts, month 13 and two tiers of one name", () => {
    const ok = { weekday: 1, startMinute: 480, endMinute: 600 };
    expect(messages(weeklyHoursSchema.safeParse([ok, { weekday: 1, startMinute: 600, endMinute: 480 }]))).toEqual({ "1.endMinute": "A frame must end after it starts." });
    expect(messages(weeklyHoursSchema.safeParse([]))).toEqual({ "": 'Give at least one frame, or choose "24x7".' });
    expect(messages(weeklyHoursSchema.safeParse("7x24"))).toEqual({ "": 'Give "24x7" or a list of weekly frames.' });
    expect(messages(scenarioInput.safeParse({ target: { monthConvention: { kind: "calendar", year: 2025, month: 13 } } }))).toEqual({
      "target.monthConvention.month": "Enter the month as 1–12.",
    });
    const tier = { name: "Same", availability: 0.99, support: "24x7", responseMinutes: 30, monthlyPrice: 100 };
    expect(messages(scenarioInput.safeParse({ tiers: [tier, tier] }))).toEqual({ tiers: "Give every tier its own name." });
  });
});

describe("composite inputs", () => {
  it("accepts nested trees and chains", () => {
    const tree = { kind: "series", parts: [{ kind: "component", name: "a", availability: 0.99 }, { kind: "redundant", parts: [{ kind: "component", name: "b", availability: 0.9 }] }] };
    expect(availabilityTreeSchema.parse(tree)).toEqual(tree);
    expect(availabilityTreeSchema.safeParse({ kind: "series", parts: [] }).success).toBe(false);
    const chain = chainAvailabilityInput.parse({ targetId: "vm", nodes: [{ id: "vm", kind: "vm", name: "web01" }], edges: [] });
    expect(chain.kindAvailability).toEqual({});
    expect(chainAvailabilityInput.safeParse({ targetId: "vm", nodes: [{ id: "vm", kind: "toaster", name: "x" }], edges: [] }).success).toBe(false);
  });
});
