import os from "node:os";
import { parseArgs } from "node:util";
import { inventoryPerScale } from "./generate-inventory";
import { ticketsPerScale } from "./generate-tickets";

export type BenchOptions = {
  /** Data scale: N * 50 customer orgs with 3 members each, and a data centre of N * 50,000 VMs. */
  scale: number;
  /** VMs in the generated data centre (4 services each); overrides scale * 50,000. 0: none. */
  vms: number;
  /** Tickets in the generated help desk (about 5 messages each); overrides scale * 1,000,000. 0: none. */
  tickets: number;
  /** Concurrent connections autocannon keeps open. */
  concurrency: number;
  /** Measured seconds per scenario and target (app, floor). */
  durationSeconds: number;
  /** Unmeasured seconds per scenario and target first, so JIT and caches are warm. */
  warmupSeconds: number;
  /** Only run scenarios whose name contains this string. */
  only: string | undefined;
  /** Processes serving the app's port (WEB_PROCESSES), and the floor's alike. */
  webProcesses: number;
};

const usage = `usage: npm run bench -- [--scale N] [--vms N] [--tickets N] [--concurrency C] [--duration S] [--warmup S] [--only NAME] [--web-processes N]
  --scale        data scale: N*50 customer orgs, 3 members each, and N*50,000 VMs (default 1)
  --vms          VMs in the generated data centre, 4 services each (default scale*50000; 0 for none)
  --tickets      tickets in the generated help desk, ~5 messages each (default scale*1000000; 0 for none)
  --concurrency  concurrent connections (default 32)
  --duration     measured seconds per scenario and target (default 10)
  --warmup       unmeasured warm-up seconds before each measurement (default 2)
  --only         run only scenarios whose name contains NAME
  --web-processes  processes serving the app (WEB_PROCESSES) and the floor alike (default: one per core)`;

function positiveInteger(name: string, raw: string | undefined, fallback: number, allowZero = false): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new Error(`--${name} must be a ${allowZero ? "non-negative" : "positive"} integer, got "${raw}".\n${usage}`);
  }
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      scale: { type: "string" },
      vms: { type: "string" },
      tickets: { type: "string" },
      concurrency: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      only: { type: "string" },
      "web-processes": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const scale = positiveInteger("scale", values.scale, 1);
  return {
    scale,
    vms: positiveInteger("vms", values.vms, scale * inventoryPerScale.vms, true),
    tickets: positiveInteger("tickets", values.tickets, scale * ticketsPerScale, true),
    concurrency: positiveInteger("concurrency", values.concurrency, 32),
    durationSeconds: positiveInteger("duration", values.duration, 10),
    warmupSeconds: positiveInteger("warmup", values.warmup, 2, true),
    only: values.only,
    webProcesses: positiveInteger("web-processes", values["web-processes"], os.availableParallelism()),
  };
}
