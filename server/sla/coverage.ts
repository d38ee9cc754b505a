import { SECONDS_PER_MINUTE } from "./time-units";
import { framesOf, MINUTES_PER_WEEK, outOfHoursGaps, type WeeklyHours, weeklyMinutes } from "./weekly-frames";
import { type YearConvention, yearSeconds } from "./windows";

/**
 * Organisational coverage: how fast a failure is dealt with, given who is there when. An SLA's
 * availability is only achievable if failures are restored fast enough; a support desk staffed
 * Mon–Fri 08–18 lets a failure on Friday evening wait until Monday.
 */

export type CoverageParams = {
  /** When support staff are at work. */
  support: WeeklyHours;
  /** Minutes until someone starts work on a failure reported during support hours. */
  responseMinutes: number;
  /** Minutes until the on-call engineer starts outside support hours; null when there is nobody on call. */
  onCallResponseMinutes: number | null;
  /** Minutes from failure to someone being alerted (monitoring interval, alert delay). */
  detectMinutes: number;
  /** Minutes from starting work to the service running again. */
  repairMinutes: number;
  failuresPerYear: number;
  /** Minutes until a standby takes over automatically; null without failover. */
  failoverMinutes: number | null;
};

export type CoverageResult = {
  /** The share of the week support staff are at work. */
  supportShare: number;
  /** Expected seconds from detection until someone starts work, for a failure at a random moment. */
  expectedWaitSeconds: number;
  /** Nine in ten failures wait at most this long. */
  p90WaitSeconds: number;
  /** Detect + wait + repair: how long until the failed part runs again. */
  restoreSeconds: number;
  /** What the customer sees per failure, on average: the restore time, or the failover time plus the rare second failure. */
  outagePerFailureSeconds: number;
  /** With failover: how long per failure the service runs without its standby. */
  unprotectedSecondsPerFailure: number;
  expectedDowntimePerYearSeconds: number;
  /** 1 − failures × outage per failure ÷ year. */
  achievableAvailability: number;
};

type WaitModel = { supportShare: number; responseMinutes: number; gapMinutes: number[]; onCallMinutes: number | null };

function waitModel(params: CoverageParams): WaitModel {
  const frames = framesOf(params.support);
  const supportShare = weeklyMinutes(frames) / MINUTES_PER_WEEK;
  if (supportShare === 0 && params.onCallResponseMinutes === null) throw new RangeError("Without support hours or on-call, nobody ever starts work on a failure.");
  return {
    supportShare,
    responseMinutes: params.responseMinutes,
    gapMinutes: outOfHoursGaps(frames),
    onCallMinutes: params.onCallResponseMinutes,
  };
}

/** E[min(u, r)] for u uniform on [0, g]: g/2 when r ≥ g, else r − r²/(2g). */
function expectedCappedWait(gap: number, cap: number | null): number {
  return cap === null || cap >= gap ? gap / 2 : cap - (cap * cap) / (2 * gap);
}

/**
 * How long a failure at a uniformly random moment of the week waits for someone to start work.
 * In support hours (share s of the week) it waits the response time. In an out-of-hours gap of g
 * minutes it lands at a uniform point and waits for the remaining part — g/2 on average, so the gap
 * contributes g × g/2 ÷ week — or for the on-call engineer when that comes sooner. Support only
 * Mon–Fri 08–18 gives (4 × 14² + 62²) / 2 ÷ 168 = 2314/168 h ≈ 13.8 h. Whoever starts the day at
 * the end of a gap is assumed to pick the failure up at once; public holidays are not modelled.
 */
function expectedWaitMinutes(model: WaitModel): number {
  const outOfHours = model.gapMinutes.reduce((sum, gap) => sum + (gap / MINUTES_PER_WEEK) * expectedCappedWait(gap, model.onCallMinutes), 0);
  return model.supportShare * model.responseMinutes + outOfHours;
}

/** P(wait ≤ w): the in-hours point mass at the response time plus each gap's share of waits ≤ w. */
function waitCdf(model: WaitModel, w: number): number {
  const inHours = w >= model.responseMinutes ? model.supportShare : 0;
  const onCallHasCome = model.onCallMinutes !== null && w >= model.onCallMinutes;
  return model.gapMinutes.reduce((sum, gap) => sum + (onCallHasCome ? gap : Math.min(w, gap)) / MINUTES_PER_WEEK, inHours);
}

/** The smallest wait w with P(wait ≤ w) ≥ q, by bisection: the distribution has steps, so no closed form. */
function waitQuantileMinutes(model: WaitModel, q: number): number {
  let low = 0;
  let high = Math.max(model.responseMinutes, model.onCallMinutes ?? 0, ...model.gapMinutes);
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (waitCdf(model, middle) >= q) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * Restore time, what the customer sees, and the availability the organisation can achieve.
 *
 * Failover only bridges the time until someone repairs: with a standby that takes over after F
 * minutes (F shorter than the restore time) the customer sees F, but the service then runs without
 * redundancy until the repair. A second failure in that unprotected time is modelled simply — it
 * happens with probability λ·T (λ the failure rate, T the unprotected time) and then lasts until the
 * repair, T/2 on average — adding λ·T²/2 per failure; the standby is taken to fail as often as the
 * primary.
 */
export function analyseCoverage(params: CoverageParams, year: YearConvention = "365.2425d"): CoverageResult {
  const model = waitModel(params);
  const expectedWaitSeconds = expectedWaitMinutes(model) * SECONDS_PER_MINUTE;
  const restoreSeconds = (params.detectMinutes + params.repairMinutes) * SECONDS_PER_MINUTE + expectedWaitSeconds;
  const failoverSeconds = params.failoverMinutes === null ? null : params.failoverMinutes * SECONDS_PER_MINUTE;
  const bridged = failoverSeconds !== null && failoverSeconds < restoreSeconds;
  const unprotectedSecondsPerFailure = bridged ? restoreSeconds - failoverSeconds : 0;
  const failuresPerSecond = params.failuresPerYear / yearSeconds(year);
  const outagePerFailureSeconds = bridged ? failoverSeconds + (failuresPerSecond * unprotectedSecondsPerFailure ** 2) / 2 : restoreSeconds;
  const expectedDowntimePerYearSeconds = params.failuresPerYear * outagePerFailureSeconds;
  return {
    supportShare: model.supportShare,
    expectedWaitSeconds,
    p90WaitSeconds: waitQuantileMinutes(model, 0.9) * SECONDS_PER_MINUTE,
    restoreSeconds,
    outagePerFailureSeconds,
    unprotectedSecondsPerFailure,
    expectedDowntimePerYearSeconds,
    achievableAvailability: Math.max(1 - expectedDowntimePerYearSeconds / yearSeconds(year), 0),
  };
}
