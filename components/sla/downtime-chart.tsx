import { logDurationAxis } from "./chart-scale";
import { duration, PER_WINDOW, WINDOW_LABELS } from "./format";
import type { TierWindowRow } from "./tier-verdict";

export const TIER_COLOURS = ["#1f5fbf", "#0f766e", "#b45309", "#7c3aed"] as const;

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 48 };

/**
 * Allowed downtime per window, one bar per tier, on a log scale: a day's seconds and a year's hours
 * on one axis. The screen-reader table under it carries every figure.
 */
export function DowntimeChart({ rows }: { rows: TierWindowRow[] }) {
  const tiers = rows[0]?.byTier.map((t) => t.name) ?? [];
  const axis = logDurationAxis(
    rows.flatMap((row) => row.byTier.map((t) => t.seconds)),
    HEIGHT - MARGIN.bottom,
    MARGIN.top,
  );
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const groupWidth = plotWidth / Math.max(rows.length, 1);
  const barWidth = (groupWidth * 0.78) / Math.max(tiers.length, 1);
  const year = rows.find((row) => row.window === "year");
  const summary = year
    ? `Allowed downtime per window for each tier, log scale. Per year: ${year.byTier.map((t) => `${t.name} ${duration(t.seconds)}`).join(", ")}. The table that follows lists every window.`
    : "Allowed downtime per window for each tier.";

  return (
    <figure className="break-inside-avoid">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="h-auto w-full">
        {axis.ticks.map((tick) => (
          <g key={tick.seconds}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={axis.scale(tick.seconds)} y2={axis.scale(tick.seconds)} stroke="#e2e8f0" />
            <text x={MARGIN.left - 6} y={axis.scale(tick.seconds)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="#475569">
              {tick.label}
            </text>
          </g>
        ))}
        {rows.map((row, g) => {
          const groupX = MARGIN.left + g * groupWidth + groupWidth * 0.11;
          return (
            <g key={row.window}>
              {row.byTier.map((tier, i) => {
                const y = axis.scale(tier.seconds);
                return (
                  <rect key={tier.name} x={groupX + i * barWidth} y={y} width={Math.max(barWidth - 2, 1)} height={Math.max(HEIGHT - MARGIN.bottom - y, 1)} fill={TIER_COLOURS[i % TIER_COLOURS.length]}>
                    <title>{`${tier.name}: ${duration(tier.seconds)} ${PER_WINDOW[row.window]}`}</title>
                  </rect>
                );
              })}
              <text x={MARGIN.left + g * groupWidth + groupWidth / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize={12} fill="#334155">
                {WINDOW_LABELS[row.window]}
              </text>
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} stroke="#94a3b8" />
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {tiers.map((name, i) => (
          <span key={name} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: TIER_COLOURS[i % TIER_COLOURS.length] }} />
            {name}
          </span>
        ))}
        <span>Log scale, so a day&apos;s seconds and a year&apos;s hours fit on one axis.</span>
      </figcaption>
      <table className="sr-only">
        <caption>Allowed downtime per window for each tier</caption>
        <thead>
          <tr>
            <th scope="col">Window</th>
            {tiers.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.window}>
              <th scope="row">{WINDOW_LABELS[row.window]}</th>
              {row.byTier.map((tier) => (
                <td key={tier.name}>{duration(tier.seconds)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
