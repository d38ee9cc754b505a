import { describe, expect, it } from "vitest";
import { scenarioInput } from "@/server/sla/schemas";
import { termsFromScenario, type OfferChoice } from "./terms-from-scenario";

const choice: OfferChoice = {
  tierName: "Business",
  supportCalendarId: "8f8a2c1e-63a4-4c36-9a55-1f0d1c3b2a10",
  serviceCalendarId: null,
  startsOn: "2027-01-01",
  endsOn: null,
};

describe("terms from a calculator scenario", () => {
  it("offers the chosen tier with the scenario's window, outage clause, credits and cost", () => {
    const scenario = scenarioInput.parse({});
    const terms = termsFromScenario(scenario, choice);
    expect(terms).toMatchObject({ availabilityTarget: 0.999, measurementWindow: "month", maxOutageMinutes: 240, monthlyPrice: 890, currency: "EUR" });
    expect(terms.credits).toEqual(scenario.credits.tiers);
    // 2,000 €/h × 60 % + 12 staff × 65 € × 50 %.
    expect(terms.downtimeCostPerHour).toBe(1590);
    // Business has on-call: urgent tickets run around the clock, the rest in support hours.
    const byPriority = Object.fromEntries(terms.responseTargets.map((t) => [t.priority, t]));
    expect(byPriority.urgent).toMatchObject({ firstResponseMinutes: 60, clock: "calendar" });
    expect(byPriority.high).toMatchObject({ firstResponseMinutes: 120, clock: "business" });
    for (const target of terms.responseTargets) expect(target.firstResponseMinutes).toBeLessThanOrEqual(target.resolutionMinutes);
  });

  it("runs every clock around the clock for a 24×7 tier, and falls back to a month for short windows", () => {
    const scenario = scenarioInput.parse({ target: { window: "week" } });
    const terms = termsFromScenario(scenario, { ...choice, tierName: "Premium" });
    expect(terms.measurementWindow).toBe("month");
    expect(terms.responseTargets.every((t) => t.clock === "calendar")).toBe(true);
    expect(terms.availabilityTarget).toBe(0.9995);
  });

  it("refuses a tier the scenario does not have", () => {
    expect(() => termsFromScenario(scenarioInput.parse({}), { ...choice, tierName: "Platinum" })).toThrow(/no tier named “Platinum”/);
  });
});
