import type { MonthOfService } from "@/server/helpdesk/compliance";
import { monthName } from "./compliance-words";

/**
 * The month grid both compliance charts share, so a month's bar and its median point line up when
 * the charts sit one above the other.
 */
// Narrow on purpose: the charts are drawn at most this wide (max-w-xl), so their text stays legible.
export const CHART_WIDTH = 480;
export const CHART_MARGIN = { left: 56, right: 64 } as const;

/** The horizontal centre of the i-th of n months, and the width each month gets. */
export function monthSlot(index: number, count: number): { centre: number; width: number } {
  const width = (CHART_WIDTH - CHART_MARGIN.left - CHART_MARGIN.right) / Math.max(count, 1);
  return { centre: CHART_MARGIN.left + width * (index + 0.5), width };
}

/** The last month is the one still running: its figures can change, and its labels say so. */
export const isCurrentMonth = (months: readonly MonthOfService[], index: number) => index === months.length - 1;

/** "November 2026" or, for the running month, "November 2026 (so far)". */
export const spokenMonth = (months: readonly MonthOfService[], index: number) => `${monthName(months[index]!.month)}${isCurrentMonth(months, index) ? " (so far)" : ""}`;
