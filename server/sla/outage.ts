import { type Conventions, DEFAULT_CONVENTIONS, downtimeTable, type MeasurementWindow } from "./windows";

/**
 * An SLA measured per year lets the whole year's budget go in one outage — 99 % a year allows one
 * outage of 3 d 15 h 39 m and is still met — while the same 99 % per month caps an outage at the
 * month's 7 h 18 m. A "no single outage longer than …" clause caps it further, whatever the window.
 */

export type LongestOutage = {
  window: MeasurementWindow;
  /** The window's whole downtime budget. */
  budgetSeconds: number;
  /** The longest one outage may be without breaching: the budget, or the clause when that is shorter. */
  longestSeconds: number;
  limitedBy: "budget" | "clause";
};

export function longestOutagePerWindow(
  availability: number,
  { conventions = DEFAULT_CONVENTIONS, serviceShare = 1, maxSingleOutageSeconds = null }: { conventions?: Conventions; serviceShare?: number; maxSingleOutageSeconds?: number | null } = {},
): LongestOutage[] {
  return downtimeTable(availability, conventions, serviceShare).map(({ window, allowedSeconds }) => {
    const clauseIsTighter = maxSingleOutageSeconds !== null && maxSingleOutageSeconds < allowedSeconds;
    return {
      window,
      budgetSeconds: allowedSeconds,
      longestSeconds: clauseIsTighter ? maxSingleOutageSeconds : allowedSeconds,
      limitedBy: clauseIsTighter ? "clause" : "budget",
    };
  });
}

/** The two clauses outages in one measurement window are checked against. */
export type OutageTerms = {
  /** The window's downtime budget, e.g. from `allowedDowntime`. */
  allowedDowntimeSeconds: number;
  /** "No single outage longer than …"; null when the contract has no such clause. */
  maxSingleOutageSeconds: number | null;
};

export type OutageBreach =
  | { clause: "single-outage"; outageIndex: number; seconds: number; limitSeconds: number }
  | { clause: "downtime-budget"; totalSeconds: number; limitSeconds: number };

export type OutageCheck = { breached: boolean; totalSeconds: number; breaches: OutageBreach[] };

/**
 * Checks the outages (seconds each) of one measurement window against the terms. Reaching a limit
 * exactly is still within it. Every breach is listed — each outage over the single-outage limit,
 * then the budget — because a report to the customer must name them all.
 */
export function checkOutages(outages: readonly number[], terms: OutageTerms): OutageCheck {
  const breaches: OutageBreach[] = [];
  const { maxSingleOutageSeconds, allowedDowntimeSeconds } = terms;
  if (maxSingleOutageSeconds !== null) {
    outages.forEach((seconds, outageIndex) => {
      if (seconds > maxSingleOutageSeconds) breaches.push({ clause: "single-outage", outageIndex, seconds, limitSeconds: maxSingleOutageSeconds });
    });
  }
  const totalSeconds = outages.reduce((sum, seconds) => sum + seconds, 0);
  if (totalSeconds > allowedDowntimeSeconds) breaches.push({ clause: "downtime-budget", totalSeconds, limitSeconds: allowedDowntimeSeconds });
  return { breached: breaches.length > 0, totalSeconds, breaches };
}
