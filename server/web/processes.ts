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
 * True in the process that should serve requests itself. With more than one process wanted, the
 * first (primary) process forks that many workers onto the same port — Node's cluster hands each
 * new connection to the next worker — and only supervises them: a worker that crashes is replaced,
 * one that cannot even start stops the group, and SIGINT/SIGTERM stop every worker before it exits.
 */
export function serveHere(name: string, count: number, minHealthyMs = MIN_HEALTHY_MS): boolean {
  if (count <= 1 || !cluster.isPrimary) return true;
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
