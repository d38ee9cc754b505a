import { describe, expect, it } from "vitest";
import { calculateScenario } from "@/server/sla/scenario";
import { scenarioInput } from "@/server/sla/schemas";
import { tierVerdict, tierWindowDowntime } from "./tier-verdict";

const euros = (amount: number) => `€${amount}`;

describe("tierVerdict", () => {
  it("says where paying more stops paying off", () => {
    const result = calculateScenario(scenarioInput.parse({}));
    const step = result.tiers.steps[1]!;
    expect(tierVerdict(result.tiers, euros)).toBe(
      `Paying more stops paying off after Business. Premium costs €${step.priceIncrease} more a year and saves only €${step.costReduction} in expected downtime cost.`,
    );
  });

  it("says so when the cheapest or the dearest tier is the best value", () => {
    const cheap = calculateScenario(scenarioInput.parse({ cost: { revenuePerHour: 0, affectedStaff: 0, recoveryCostPerIncident: 0 } }));
    expect(tierVerdict(cheap.tiers, euros)).toMatch(/^Paying more does not pay off: Basic, the cheapest tier, has the lowest total cost\. Business costs €7200 more a year and saves nothing/);
    const dear = calculateScenario(scenarioInput.parse({ cost: { revenuePerHour: 500_000 } }));
    expect(tierVerdict(dear.tiers, euros)).toMatch(/^Every step up pays off: Premium, the dearest tier, also has the lowest total cost/);
  });
});

describe("tierWindowDowntime", () => {
  it("gives each tier's allowance per window under the scenario's conventions", () => {
    const rows = tierWindowDowntime(scenarioInput.parse({ target: { monthConvention: { kind: "30d" } } }));
    expect(rows.map((row) => row.window)).toEqual(["day", "week", "month", "quarter", "year"]);
    const month = rows.find((row) => row.window === "month")!;
    expect(month.byTier.map((t) => t.name)).toEqual(["Basic", "Business", "Premium"]);
    expect(month.byTier[1]!.seconds).toBeCloseTo(2592, 6);
  });
});
