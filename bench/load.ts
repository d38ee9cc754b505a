import autocannon from "autocannon";
import type { Measurement } from "./measurement";
import { sampleRss } from "./rss";
import type { ScenarioRequest } from "./scenarios";

export type LoadTarget = { baseUrl: string; pid: number; label: string; headers: Record<string, string> };
export type LoadSettings = { concurrency: number; durationSeconds: number; warmupSeconds: number };

type RawRun = { latenciesMs: number[]; result: autocannon.Result };

function fire(request: ScenarioRequest, target: LoadTarget, concurrency: number, seconds: number): Promise<RawRun> {
  const latenciesMs: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.baseUrl}${request.path}`,
        method: request.method,
        body: request.body,
        headers: { ...request.headers, ...target.headers },
        connections: concurrency,
        pipelining: 1,
        duration: seconds,
        timeout: 30,
      },
      (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve({ latenciesMs, result })),
    );
    // autocannon's histogram has p90 and p97.5 but no p95, so the latencies are kept and ranked here.
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latenciesMs.push(responseTime);
    });
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/**
 * Warm-up (unmeasured), then the measured run at fixed concurrency, sampling the target's RSS
 * throughout both.
 */
export async function measure(request: ScenarioRequest, target: LoadTarget, settings: LoadSettings): Promise<Measurement> {
  const rss = sampleRss(target.label, target.pid);
  try {
    if (settings.warmupSeconds > 0) await fire(request, target, settings.concurrency, settings.warmupSeconds);
    const { latenciesMs, result } = await fire(request, target, settings.concurrency, settings.durationSeconds);
    const sorted = Float64Array.from(latenciesMs).sort();
    const ok = result["2xx"];
    return {
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      requestsPerSecond: result.duration > 0 ? ok / result.duration : 0,
      requests: ok + result.non2xx,
      non2xx: result.non2xx,
      errors: result.errors,
      durationSeconds: result.duration,
      peakRssMb: rss.stop(),
    };
  } finally {
    rss.stop();
  }
}
