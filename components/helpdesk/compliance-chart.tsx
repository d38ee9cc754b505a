import type { MonthOfService } from "@/server/helpdesk/compliance";
import { linearScale } from "@/components/sla/chart-scale";
import { CHART_MARGIN, CHART_WIDTH, isCurrentMonth, monthSlot, spokenMonth } from "./compliance-chart-layout";
import { monthLabel, monthShare, percentMet, targetPhrase } from "./compliance-words";

const HEIGHT = 220;
const TOP = 18;
const BOTTOM = 36;
const BAR = "#1f5fbf";
// The running month is drawn lighter: its share can still change.
const BAR_SO_FAR = "#93b4e6";
const TICKS = [0, 25, 50, 75, 100];

/** A month without a bar says why, a word a line so it fits its narrow slot. */
const noData = (m: MonthOfService) => (m.tickets === 0 ? ["No", "tickets"] : ["Not", "answered", "yet"]);

/**
 * Per month, the share of first answers that came within the target, against a line at 100 %:
 * the contract promises a time per ticket, not a share, so every answer in time is the goal.
 * Months without tickets say so instead of showing an empty 0 % bar.
 */
export function ComplianceChart({ months, hasContract }: { months: readonly MonthOfService[]; hasContract: boolean }) {
  const y = linearScale(100, HEIGHT - BOTTOM, TOP);
  const right = CHART_WIDTH - CHART_MARGIN.right;
  const label = `First answers within ${targetPhrase(hasContract)}, month by month: ${months
    .map((m, i) => `${spokenMonth(months, i)} ${monthShare(m).toLowerCase()}`)
    .join(", ")}. The table below lists every figure.`;

  return (
    <figure className="break-inside-avoid">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full max-w-xl">
        {TICKS.map((tick) => (
          <g key={tick}>
            <line x1={CHART_MARGIN.left} x2={right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={CHART_MARGIN.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="#475569">
              {`${tick} %`}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const { centre, width } = monthSlot(i, months.length);
          const percent = percentMet(m.firstResponsesMet, m.firstResponses);
          const current = isCurrentMonth(months, i);
          const barWidth = width * 0.72;
          return (
            <g key={m.month}>
              {percent === null ? (
                <text x={centre} y={y(50) - (noData(m).length - 1) * 6.5} textAnchor="middle" fontSize={11} fill="#64748b">
                  {noData(m).map((word, line) => (
                    <tspan key={word} x={centre} dy={line === 0 ? 0 : 13}>
                      {word}
                    </tspan>
                  ))}
                </text>
              ) : (
                <>
                  <rect x={centre - barWidth / 2} y={y(percent)} width={barWidth} height={Math.max(y(0) - y(percent), 1)} fill={current ? BAR_SO_FAR : BAR}>
                    <title>{`${spokenMonth(months, i)}: ${m.firstResponsesMet} of ${m.firstResponses} first answers in time`}</title>
                  </rect>
                  <text x={centre} y={percent > 12 ? y(percent) + 14 : y(percent) - 5} textAnchor="middle" fontSize={11} fontWeight={600} fill={percent > 12 && !current ? "#ffffff" : "#0f172a"}>
                    {`${percent} %`}
                  </text>
                </>
              )}
              <text x={centre} y={HEIGHT - BOTTOM + 15} textAnchor="middle" fontSize={12} fill="#334155">
                {monthLabel(m.month)}
              </text>
              {current && (
                <text x={centre} y={HEIGHT - BOTTOM + 29} textAnchor="middle" fontSize={10} fill="#64748b">
                  so far
                </text>
              )}
            </g>
          );
        })}
        <line x1={CHART_MARGIN.left} x2={right} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
        <line x1={CHART_MARGIN.left} x2={right} y1={y(100)} y2={y(100)} stroke="#0f172a" strokeDasharray="5 4" />
        <text x={right + 6} y={y(100)} dominantBaseline="middle" fontSize={11} fill="#0f172a">
          All in time
        </text>
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: BAR }} />
          First answers within {targetPhrase(hasContract)}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: BAR_SO_FAR }} />
          This month so far
        </span>
        <span>Dashed line: every first answer in time.</span>
      </figcaption>
    </figure>
  );
}
