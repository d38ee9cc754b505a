/** Scales and ticks for the calculator's plain SVG charts. */

export type Scale = (value: number) => number;

/** Maps [0, domainMax] linearly onto [rangeStart, rangeEnd]. */
export function linearScale(domainMax: number, rangeStart: number, rangeEnd: number): Scale {
  const span = domainMax > 0 ? domainMax : 1;
  return (value) => rangeStart + (value / span) * (rangeEnd - rangeStart);
}

/** Ticks from 0 at a 1, 2 or 5 step, the last one at or above `max`: 0, 5 000, 10 000, 15 000. */
export function niceTicks(max: number, targetCount = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / targetCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) {
    ticks.push(tick);
    if (tick >= max) break;
  }
  return ticks;
}

/** Tick marks for durations on a log axis, at values people say: ten minutes, an hour, ten hours. */
export const DURATION_TICKS: readonly { seconds: number; label: string }[] = [
  { seconds: 0.1, label: "0.1 s" },
  { seconds: 1, label: "1 s" },
  { seconds: 10, label: "10 s" },
  { seconds: 60, label: "1 m" },
  { seconds: 600, label: "10 m" },
  { seconds: 3600, label: "1 h" },
  { seconds: 36_000, label: "10 h" },
  { seconds: 360_000, label: "100 h" },
  { seconds: 3_600_000, label: "1000 h" },
];

export type LogAxis = { min: number; max: number; ticks: { seconds: number; label: string }[]; scale: Scale };

/**
 * A log axis over positive durations, from the tick at or below the smallest value to the tick at
 * or above the largest, mapped onto [rangeStart, rangeEnd]. Values under the first tick sit on it.
 */
export function logDurationAxis(values: readonly number[], rangeStart: number, rangeEnd: number): LogAxis {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  const first = DURATION_TICKS[0]!;
  const last = DURATION_TICKS[DURATION_TICKS.length - 1]!;
  const smallest = positive.length ? Math.min(...positive) : 1;
  const largest = positive.length ? Math.max(...positive) : 3600;
  const lower = [...DURATION_TICKS].reverse().find((tick) => tick.seconds <= smallest) ?? first;
  const upper = DURATION_TICKS.find((tick) => tick.seconds >= largest) ?? last;
  const top = upper.seconds > lower.seconds ? upper : (DURATION_TICKS[DURATION_TICKS.indexOf(lower) + 1] ?? last);
  const [logMin, logMax] = [Math.log10(lower.seconds), Math.log10(top.seconds)];
  const scale: Scale = (value) => {
    const clamped = Math.min(Math.max(value, lower.seconds), top.seconds);
    return rangeStart + ((Math.log10(clamped) - logMin) / (logMax - logMin)) * (rangeEnd - rangeStart);
  };
  return { min: lower.seconds, max: top.seconds, ticks: DURATION_TICKS.filter((tick) => tick.seconds >= lower.seconds && tick.seconds <= top.seconds), scale };
}
