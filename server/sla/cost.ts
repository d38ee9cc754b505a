import { SECONDS_PER_HOUR } from "./time-units";

/**
 * What an hour of downtime costs the customer, in whole currency units. Figures describe a normal
 * working hour; `hourlyWeights` say how much of that an outage at each hour of the day costs.
 */
export type CostParams = {
  revenuePerHour: number;
  /** The share (0–1) of revenue actually lost — some customers come back later. */
  revenueImpactShare: number;
  affectedStaff: number;
  /** Salary plus overheads per staff hour. */
  loadedHourlyCost: number;
  /** The share (0–1) of their work that stops. */
  productivityLossShare: number;
  /** Clean-up after each incident (overtime, data repair, customer letters), whatever its length. */
  recoveryCostPerIncident: number;
  /** 24 weights, 00–01 to 23–24, relative to the hour the figures describe (1 = full cost, 0.2 at night); null = every hour alike. */
  hourlyWeights: readonly number[] | null;
};

export type DowntimeCost = {
  revenueLossPerHour: number;
  productivityLossPerHour: number;
  /** The mean of the hourly weights: outages are taken to strike at any hour alike. */
  timeOfDayFactor: number;
  /** (revenue loss + productivity loss) × time-of-day factor. */
  perHour: number;
  /**
   * Kept per incident rather than spread over the hours: a 5-minute and a 5-hour outage cause the
   * same clean-up, so folding it into an hourly figure would be wrong for one of them.
   */
  perIncident: number;
};

export function downtimeCostPerHour(params: CostParams): DowntimeCost {
  const revenueLossPerHour = params.revenuePerHour * params.revenueImpactShare;
  const productivityLossPerHour = params.affectedStaff * params.loadedHourlyCost * params.productivityLossShare;
  const weights = params.hourlyWeights ?? [];
  const timeOfDayFactor = weights.length === 0 ? 1 : weights.reduce((sum, weight) => sum + weight, 0) / weights.length;
  return {
    revenueLossPerHour,
    productivityLossPerHour,
    timeOfDayFactor,
    perHour: (revenueLossPerHour + productivityLossPerHour) * timeOfDayFactor,
    perIncident: params.recoveryCostPerIncident,
  };
}

/** Downtime hours × cost per hour, plus the recovery cost of each incident. */
export function downtimeCost(downtimeSeconds: number, incidents: number, cost: DowntimeCost): number {
  return (downtimeSeconds / SECONDS_PER_HOUR) * cost.perHour + incidents * cost.perIncident;
}

/**
 * Money as shown: whole currency units. Totals in this module are summed from rounded parts so
 * that every table adds up.
 */
export function wholeUnits(amount: number): number {
  // + 0 turns −0 (a rounded small refund) into 0.
  return Math.round(amount) + 0;
}
