import type { ScenarioResult } from "@/server/sla/scenario";
import { linearScale, niceTicks } from "./chart-scale";
import { money } from "./format";

const WIDTH = 640;
const ROW = 34;
const MARGIN = { top: 8, right: 92, bottom: 26, left: 120 };
const PRICE = "#1f5fbf";
const DOWNTIME = "#f59e0b";

/**
 * Per tier, a year's price with the expected downtime cost stacked on it: the shortest bar is the
 * best value. The tier table above carries the same figures.
 */
export function CostChart({ tiers, currency }: { tiers: ScenarioResult["tiers"]; currency: string }) {
  const rows = tiers.rows;
  const height = MARGIN.top + rows.length * ROW + MARGIN.bottom;
  const ticks = niceTicks(Math.max(...rows.map((row) => row.totalCost), 1));
  const x = linearScale(ticks[ticks.length - 1]!, MARGIN.left, WIDTH - MARGIN.right);
  const m = (amount: number) => money(amount, currency);
  const summary = `Price plus expected downtime cost per year, per tier: ${rows
    .map((row) => `${row.name} ${m(row.annualPrice)} + ${m(row.expectedDowntimeCost)} = ${m(row.totalCost)}`)
    .join("; ")}. ${tiers.bestValue} has the lowest total.`;

  return (
    <figure className="break-inside-avoid">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="h-auto w-full">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={MARGIN.top} y2={height - MARGIN.bottom} stroke="#e2e8f0" />
            <text x={x(tick)} y={height - MARGIN.bottom + 15} textAnchor="middle" fontSize={11} fill="#475569">
              {m(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = MARGIN.top + i * ROW + 6;
          const barHeight = ROW - 12;
          return (
            <g key={row.name}>
              <text x={MARGIN.left - 8} y={y + barHeight / 2} textAnchor="end" dominantBaseline="middle" fontSize={12} fill="#0f172a" fontWeight={row.isBestValue ? 700 : 400}>
                {row.isBestValue ? `★ ${row.name}` : row.name}
              </text>
              <rect x={x(0)} y={y} width={x(row.annualPrice) - x(0)} height={barHeight} fill={PRICE}>
                <title>{`${row.name}: price ${m(row.annualPrice)} a year`}</title>
              </rect>
              <rect x={x(row.annualPrice)} y={y} width={x(row.totalCost) - x(row.annualPrice)} height={barHeight} fill={DOWNTIME}>
                <title>{`${row.name}: expected downtime cost ${m(row.expectedDowntimeCost)} a year`}</title>
              </rect>
              <text x={x(row.totalCost) + 6} y={y + barHeight / 2} dominantBaseline="middle" fontSize={12} fill="#0f172a" fontWeight={row.isBestValue ? 700 : 400}>
                {m(row.totalCost)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: PRICE }} />
          Price per year
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: DOWNTIME }} />
          Expected downtime cost per year
        </span>
        <span>★ best value: the lowest total</span>
      </figcaption>
    </figure>
  );
}
