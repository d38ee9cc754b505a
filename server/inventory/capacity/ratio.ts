/**
 * `part / whole`, where an empty whole that must hold something counts as infinitely full, so it is
 * flagged instead of dividing by zero into NaN.
 */
export function shareOf(part: number, whole: number): number {
  if (whole > 0) return part / whole;
  return part > 0 ? Number.POSITIVE_INFINITY : 0;
}

/**
 * Tolerance for comparing a share with a limit: `0.4 * 35` is 14.000000000000002 in floating point,
 * and a pool exactly at its limit must not be flagged because of that.
 */
const tolerance = 1e-9;

/** True when `share` is above `limit`; being exactly at the limit is allowed. */
export function isAboveLimit(share: number, limit: number): boolean {
  return share > limit + tolerance;
}
