import type { MonthOfService } from "@/server/helpdesk/compliance";
import { linearScale } from "@/components/sla/chart-scale";
import { CHART_MARGIN, CHART_WIDTH, isCurrentMonth, monthSlot, spokenMonth } from "./compliance-chart-layout";
import { durationShort, monthLabel } from "./compliance-words";

const HEIGHT = 130;
const TOP = 20;
const BOTTOM = 22;
const LINE = "#0f766e";
// Steps people count response times in: a quarter hour, an hour, a working day, a week.
const STEPS_MINUTES = [5, 10, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 10080, 20160];

/** 0 and two or three round steps above, the last at or above the largest median. */
function minuteTicks(max: number): number[] {
  const step = STEPS_MINUTES.find((s) => max / s <= 3) ?? Math.ceil(max / 3);
  return Array.from({ length: Math.max(1, Math.ceil(max / step)) + 1 }, (_, i) => i * step);
}

/**
 * The median time to a first answer per month, as a small line over the same months as the bar
 * chart. A month without answers breaks the line rather than dropping it to zero.
 */
export function ComplianceMedianChart({ months }: { months: readonly MonthOfService[] }) {
  const values = months.map((m) => m.medianFirstResponseMinutes);
  const ticks = minuteTicks(Math.max(...values.map((v) => v ?? 0), 1));
  const top = ticks[ticks.length - 1]!;
  const y = linearScale(top, HEIGHT - BOTTOM, TOP);
  const right = CHART_WIDTH - CHART_MARGIN.right;
  const points = values.map((v, i) => (v === null ? null : { x: monthSlot(i, months.length).centre, y: y(v), minutes: v }));
  // One path with a new "M" after every gap, so months without answers are not bridged.
  const path = points.reduce((d, p, i) => (p ? `${d}${points[i - 1] ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)} ` : d), "");
  const label = `Median time to a first answer, month by month: ${months
    .map((m, i) => `${spokenMonth(months, i)} ${m.medianFirstResponseMinutes === null ? "no answers" : durationShort(m.medianFirstResponseMinutes)}`)
    .join(", ")}.`;

  return (
    <figure className="break-inside-avoid">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full max-w-xl">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={CHART_MARGIN.left} x2={right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={CHART_MARGIN.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="#475569">
              {tick === 0 ? "0" : durationShort(tick)}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke={LINE} strokeWidth={2} />
        {points.map((p, i) =>
          p ? (
            <g key={months[i]!.month}>
              <circle cx={p.x} cy={p.y} r={4} fill={isCurrentMonth(months, i) ? "#ffffff" : LINE} stroke={LINE} strokeWidth={2}>
                <title>{`${spokenMonth(months, i)}: half of all first answers within ${durationShort(p.minutes)}`}</title>
              </circle>
              <text x={p.x} y={p.y - 9} textAnchor="middle" fontSize={11} fill="#0f172a">
                {durationShort(p.minutes)}
              </text>
            </g>
          ) : null,
        )}
        {months.map((m, i) => (
          <text key={m.month} x={monthSlot(i, months.length).centre} y={HEIGHT - 6} textAnchor="middle" fontSize={12} fill="#334155">
            {monthLabel(m.month)}
          </text>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600">Half of the first answers came faster than this, half slower. Hollow dot: this month so far.</figcaption>
    </figure>
  );
}
