import { type DowntimeCost, downtimeCost, wholeUnits } from "./cost";
import { allowedDowntime, availabilityFromDowntime } from "./windows";

/** "Below 99.9 % we credit 10 % of the monthly fee": a measured availability below `belowAvailability` earns `creditShare` (0–1). */
export type CreditTier = { belowAvailability: number; creditShare: number };

/**
 * The credit share for a measured availability: the largest share whose threshold it falls below.
 * Taking the largest rather than the first match keeps credits monotone — less availability never
 * earns less — however the table is ordered.
 */
export function creditShareFor(measuredAvailability: number, tiers: readonly CreditTier[]): number {
  return tiers.reduce((share, tier) => (measuredAvailability < tier.belowAvailability ? Math.max(share, tier.creditShare) : share), 0);
}

export type CreditThreshold = CreditTier & {
  /** Downtime in the window beyond which this credit applies. */
  downtimeOverSeconds: number;
};

/** Each credit tier with the downtime per window that triggers it, smallest credit first. */
export function creditThresholds(tiers: readonly CreditTier[], countedSeconds: number): CreditThreshold[] {
  return [...tiers]
    .sort((a, b) => b.belowAvailability - a.belowAvailability)
    .map((tier) => ({ ...tier, downtimeOverSeconds: allowedDowntime(tier.belowAvailability, countedSeconds) }));
}

export type CreditGap = {
  measuredAvailability: number;
  creditShare: number;
  credit: number;
  /** What the downtime cost the customer (cost.ts). */
  outageCost: number;
  /** Outage cost − credit: what the customer bears. Credits rarely cover more than a sliver. */
  uncoveredCost: number;
};

/**
 * The credit for `downtimeSeconds` of downtime in one measurement window of `countedSeconds`
 * (the window's service time for a service-time SLA; the downtime is assumed to fall within it),
 * against what that downtime cost.
 */
export function creditGap(
  { downtimeSeconds, incidents, countedSeconds, monthlyFee }: { downtimeSeconds: number; incidents: number; countedSeconds: number; monthlyFee: number },
  tiers: readonly CreditTier[],
  cost: DowntimeCost,
): CreditGap {
  const measuredAvailability = Math.max(availabilityFromDowntime(downtimeSeconds, countedSeconds), 0);
  const creditShare = creditShareFor(measuredAvailability, tiers);
  const credit = wholeUnits(creditShare * monthlyFee);
  const outageCost = wholeUnits(downtimeCost(downtimeSeconds, incidents, cost));
  return { measuredAvailability, creditShare, credit, outageCost, uncoveredCost: outageCost - credit };
}
