import cluster from "node:cluster";
import { log } from "@/server/log";

/** A worker that dies this soon after it started is failing to start, not crashing once: no restart. */
const MIN_HEALTHY_MS = 10_000;

/**
 * How many processes serve the web port: WEB_PROCESSES, default 1. One Node process uses one core
 * for JavaScript; on a machine with more, run one per core.
 */
export function webProcessCount(raw = process.env.WEB_PROCESSES): number {
  if (raw === undefined || raw === "") return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`WEB_PROCESSES must be a whole number from 1 to 64, got "${raw}".`);
  return count;
}

/**
 * V8 flags for processes that serve HTTP; only a process's start can set them.
 * - 32 MB semi-spaces instead of 16: a page in flight outlived a scavenge of the default young
 *   generation and was copied into the old one, which then grew and was swept in long pauses; with
 *   the larger one the bench's queue kept its p95 ~20 % lower.
 * - The old generation may grow to 1.3 times what was live after a full collection. Left to itself,
 *   V8 chose up to four times while pages were rendered (96 MB live in a 389 MB heap, which it kept),
 *   and the web process peaked at 420–470 MB; with this it stays near 330 MB with no loss of
 *   requests a second in the bench. Unlike a cap on the heap, it cannot fail a large answer.
 */
export const SERVING_V8_FLAGS = ["--max-semi-space-size=32", "--heap-growing-percent=30"];

export type ServeOptions = {
  /** Fork and supervise even a single serving process (so that it runs with `v8Flags`, and is replaced if it crashes). */
  supervised?: boolean;
  /** V8 flags for the serving processes, which only a process's start can set. */
  v8Flags?: readonly string[];
  minHealthyMs?: number;
};

/**
 * True in the process that should serve requests itself. With more than one process wanted (or a
 * supervised one), the first (primary) process forks that many workers onto the same port — Node's
 * cluster hands each new connection to the next worker — and only supervises them: a worker that
 * crashes is replaced, one that cannot even start stops the group, and SIGINT/SIGTERM stop every
 * worker before it exits.
 */
export function serveHere(name: string, count: number, { supervised = false, v8Flags = [], minHealthyMs = MIN_HEALTHY_MS }: ServeOptions = {}): boolean {
  if ((count <= 1 && !supervised) || !cluster.isPrimary) return true;
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...v8Flags] });
  let stopping = false;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const livedMs = Date.now() - (startedAt.get(worker.id) ?? 0);
    log.error(`${name}.process_exited`, { pid: worker.process.pid, code, signal, livedMs });
    if (livedMs < minHealthyMs) {
      stopAll("SIGTERM");
      process.exitCode = 1;
    } else fork();
  });
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit();
    for (const worker of workers) worker?.process.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stopAll(signal));
  for (let i = 0; i < count; i++) fork();
  log.info(`${name}.processes_started`, { count });
  return false;
}
