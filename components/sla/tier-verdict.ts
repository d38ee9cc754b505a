import type { ScenarioResult } from "@/server/sla/scenario";
import type { ScenarioInput } from "@/server/sla/schemas";
import { downtimeTable, type MeasurementWindow } from "@/server/sla/windows";

type Tiers = ScenarioResult["tiers"];

/**
 * The comparison in one sentence: where paying more for a tier stops paying off. Tiers are in
 * price order, so the best-value tier's next step up is the first one that costs more than it saves.
 */
export function tierVerdict(tiers: Tiers, formatMoney: (amount: number) => string): string {
  const index = tiers.rows.findIndex((row) => row.isBestValue);
  const best = tiers.rows[index];
  if (!best) return "";
  const step = tiers.steps[index];
  if (!step) {
    return tiers.rows.length > 1
      ? `Every step up pays off: ${best.name}, the dearest tier, also has the lowest total cost (${formatMoney(best.totalCost)} a year).`
      : `${best.name} costs ${formatMoney(best.totalCost)} a year in all.`;
  }
  const saves = step.costReduction > 0 ? `saves only ${formatMoney(step.costReduction)} in expected downtime cost` : "saves nothing in expected downtime cost";
  const opening = index === 0 ? `Paying more does not pay off: ${best.name}, the cheapest tier, has the lowest total cost` : `Paying more stops paying off after ${best.name}`;
  return `${opening}. ${step.to} costs ${formatMoney(step.priceIncrease)} more a year and ${saves}.`;
}

export type TierWindowRow = { window: MeasurementWindow; byTier: { name: string; seconds: number }[] };

/** Each tier's allowed downtime in every window, counted round the clock as the tier comparison is, under the scenario's conventions. */
export function tierWindowDowntime(input: ScenarioInput): TierWindowRow[] {
  const conventions = { month: input.target.monthConvention, year: input.target.yearConvention };
  const tables = input.tiers.map((tier) => ({ name: tier.name, rows: downtimeTable(tier.availability, conventions) }));
  return (tables[0]?.rows ?? []).map((row, i) => ({
    window: row.window,
    byTier: tables.map((table) => ({ name: table.name, seconds: table.rows[i]!.allowedSeconds })),
  }));
}
