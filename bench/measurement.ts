/** What one load run against one target (the app or the floor) measured. */
export type Measurement = {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Successful (2xx) responses per second over the measured window. */
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  durationSeconds: number;
  /** Peak resident set size per process (label → MB) sampled every 200 ms during the run. */
  peakRssMb: Record<string, number>;
};

export type ScenarioOutcome = {
  app: Measurement;
  floor: Measurement;
  /** app req/s ÷ floor req/s. */
  floorRatio: number;
};

export type TargetVerdict = { description: string; actual: string; pass: boolean };

/** A goal a scenario is held to; the bench reports PASS/MISS, it never fails the process. */
export type Target = { description: string; evaluate: (outcome: ScenarioOutcome) => { actual: string; pass: boolean } };
