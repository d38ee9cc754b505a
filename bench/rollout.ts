/**
 * `npm run bench:rollout`: how fast an approved change reaches every host it affects. For each size
 * (1,000 and 10,000 hosts by default) it makes a customer org with that many local VMs (rows
 * inserted directly), approves an org-wide feature-switch snippet through the domain, and measures
 * from the approval to the rollout's last host answered — the real worker process
 * (server/worker/main.ts) doing the work on host folders below a platform root on disk. Then the
 * same desired state is pushed again (a converge pass over the same hosts): every host must answer
 * `unchanged` with zero writes, in under half the time. The worker's peak RSS is its VmHWM.
 *
 * Uses its own database, `hostdesk_bench_rollout` on the service Postgres (dropped and recreated;
 * BENCH_ROLLOUT_DATABASE_URL to use another). Reports; never fails on a missed target.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { closeDb, getDb } from "@/db/client";
import { orgs, rollouts } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed/demo";
import { type Actor, loadActor } from "@/server/auth/actor";
import { grantAccess } from "@/server/delegation/grants";
import { approveRevision } from "@/server/delegation/review";
import { submitRevision } from "@/server/delegation/revisions";
import { createSnippet } from "@/server/delegation/snippets";
import { migrateDatabase } from "@/server/launcher/migrate";
import { startConverge } from "@/server/rollout/converge";
import { redactUrl } from "./database";
import { startTracked, type Tracked } from "./processes";
import { resultsDir } from "./report";

const SERVICE_URL = "postgres://postgres@127.0.0.1:5432";
const DATABASE_NAME = "hostdesk_bench_rollout";
const TARGET_SECONDS: Record<number, number> = { 1000: 10, 10000: 60 };
const TARGET_RSS_MB = 250;

const usage = `usage: npm run bench:rollout -- [--hosts 1000,10000] [--concurrency N] [--pool N]
  --hosts        rollout sizes, comma-separated (default 1000,10000)
  --concurrency  worker concurrency, WORKER_CONCURRENCY (default 24)
  --pool         the worker's database pool for task queries, DATABASE_POOL_MAX (default 24)`;

function options() {
  const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { hosts: { type: "string" }, concurrency: { type: "string" }, pool: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const sizes = (values.hosts ?? "1000,10000").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--hosts takes positive integers.\n${usage}`);
  const concurrency = Number(values.concurrency ?? 24);
  const pool = Number(values.pool ?? 24);
  if (!Number.isInteger(concurrency) || concurrency < 1 || !Number.isInteger(pool) || pool < 2) throw new Error(`--concurrency ≥ 1 and --pool ≥ 2.\n${usage}`);
  return { sizes, concurrency, pool };
}

async function prepareDatabase(): Promise<string> {
  if (process.env.BENCH_ROLLOUT_DATABASE_URL) return process.env.BENCH_ROLLOUT_DATABASE_URL;
  const admin = new pg.Client({ connectionString: `${SERVICE_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query("set client_min_messages = warning");
    await admin.query(`drop database if exists ${DATABASE_NAME} with (force)`);
    await admin.query(`create database ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return `${SERVICE_URL}/${DATABASE_NAME}`;
}

async function actor(email: string): Promise<Actor> {
  const rows = await getDb().execute<{ id: string; session_version: number }>(sql`select id, session_version from users where email = ${email}`);
  const user = rows.rows[0];
  const loaded = user ? await loadActor(getDb(), { userId: user.id, sessionVersion: user.session_version }) : null;
  if (!loaded) throw new Error(`the demo seed has no ${email}`);
  return loaded;
}

/** A customer org with `hosts` local production VMs, and a review grant for feature switches across it. */
async function orgWithHosts(engineer: Actor, hosts: number): Promise<string> {
  const slug = `bench-${hosts}`;
  const [org] = await getDb().insert(orgs).values({ name: `Bench ${hosts}`, slug, kind: "customer" }).returning({ id: orgs.id });
  await getDb().execute(sql`
    insert into vms (org_id, name, environment, role, hypervisor_id, storage_pool_id, vcpus, memory_mb, disk_gb, driver)
    select ${org!.id}, ${slug} || '-' || lpad(i::text, 5, '0'), 'production', 'web', t.hypervisor_id, t.storage_pool_id, 1, 512, 10, 'local'
    from generate_series(1, ${hosts}) i, (select hypervisor_id, storage_pool_id from vms limit 1) t`);
  await grantAccess(getDb(), engineer, { orgId: org!.id, kind: "features", scope: { type: "org" }, mode: "review" });
  return org!.id;
}

type Phase = { seconds: number; hosts: number; written: number; states: Record<string, number>; status: string; workerCpuSeconds: number | null };

async function waitForRollout(rolloutId: string, started: number, worker: Tracked): Promise<Phase> {
  const cpuBefore = cpuSeconds(worker.pid);
  for (;;) {
    if (worker.exited()) throw new Error(`the worker exited. Its last output:\n${worker.tail()}`);
    const [row] = await getDb().select({ status: rollouts.status, finishedAt: rollouts.finishedAt }).from(rollouts).where(eq(rollouts.id, rolloutId));
    if (row && (row.status === "done" || row.status === "failed")) {
      const seconds = (performance.now() - started) / 1000;
      const stats = await getDb().execute<{ state: string; n: number; written: number }>(
        sql`select state, count(*)::int as n, sum(files_written)::int as written from rollout_hosts where rollout_id = ${rolloutId} group by state`,
      );
      const states = Object.fromEntries(stats.rows.map((r) => [r.state, r.n]));
      const cpuAfter = cpuSeconds(worker.pid);
      const workerCpuSeconds = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
      return { seconds, hosts: stats.rows.reduce((a, r) => a + r.n, 0), written: stats.rows.reduce((a, r) => a + r.written, 0), states, status: row.status, workerCpuSeconds };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The worker's CPU time so far (user + system, all its threads), from /proc. On a shared machine the
 * wall-clock figures swing with the neighbours' load; the CPU a phase cost swings much less.
 */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat(5), counted after the command name's ") ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Waits until the worker has started (its first heartbeat): the figures are about a running worker
 * pushing a change, not about a worker booting (compiling its modules took seconds of its CPU).
 */
async function waitForWorkerStart(worker: Tracked): Promise<void> {
  for (;;) {
    if (worker.exited()) throw new Error(`the worker exited. Its last output:\n${worker.tail()}`);
    const beat = await getDb().execute(sql`select 1 from worker_heartbeats where pid = ${worker.pid}`);
    if (beat.rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function peakRssMb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const cpu = (phase: Phase) => (phase.workerCpuSeconds === null ? "–" : `${phase.workerCpuSeconds.toFixed(2)} s`);

async function main() {
  const opts = options();
  const url = await prepareDatabase();
  process.env.DATABASE_URL = url;
  console.log(`bench:rollout: database ${redactUrl(url)}`);
  await migrateDatabase(url);
  await seedIfEmpty(getDb());
  // On the project's own disk, not a tmpfs: the atomic writes' fsyncs cost what they cost on a host.
  const platformRoot = fs.mkdtempSync(path.resolve(".data/bench-rollout-"));
  const engineer = await actor("engineer@hostdesk.test");
  // Staff may not approve their own change: the agent reviews what the engineer wrote.
  const reviewer = await actor("agent@hostdesk.test");

  // BENCH_WORKER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to look inside the worker.
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const worker = startTracked("worker", process.execPath, [...nodeArgs, "--import", "tsx", "server/worker/main.ts"], {
    ...process.env,
    DATABASE_URL: url,
    HOSTDESK_PLATFORM_ROOT: platformRoot,
    WORKER_CONCURRENCY: String(opts.concurrency),
    DATABASE_POOL_MAX: String(opts.pool),
    HOSTDESK_PROCESS: "worker",
    LOG_LEVEL: "warn",
  });
  const rows: { hosts: number; first: Phase; repeat: Phase; rssMb: number | null }[] = [];
  try {
    await waitForWorkerStart(worker);
    for (const hosts of opts.sizes) {
      const orgId = await orgWithHosts(engineer, hosts);
      const content = { switches: { new_checkout: { enabled: true, description: "The redesigned checkout page" }, dark_mode: { enabled: false, description: "Dark theme" } } };
      const created = await createSnippet(getDb(), engineer, { orgId, kind: "features", slug: "checkout", name: "Checkout", scope: { type: "org" }, content });
      const submitted = await submitRevision(getDb(), engineer, { revisionId: created.revisionId });

      let started = performance.now();
      let rolloutId = submitted.rolloutId;
      if (!rolloutId) {
        started = performance.now();
        await approveRevision(getDb(), reviewer, { revisionId: created.revisionId });
        const [rollout] = await getDb().select({ id: rollouts.id }).from(rollouts).where(eq(rollouts.revisionId, created.revisionId));
        rolloutId = rollout!.id;
      }
      const first = await waitForRollout(rolloutId, started, worker);
      console.log(`bench:rollout: ${hosts} hosts: approval → all done in ${first.seconds.toFixed(2)} s, worker CPU ${cpu(first)} (${first.written} files written, ${JSON.stringify(first.states)})`);

      const vmIds = (await getDb().execute<{ id: string }>(sql`select id from vms where org_id = ${orgId}`)).rows.map((r) => r.id);
      const again = performance.now();
      const pass = await startConverge(getDb(), { system: "bench" }, { vmIds });
      const repeat = await waitForRollout(pass.rolloutId, again, worker);
      console.log(`bench:rollout: ${hosts} hosts: repeat in ${repeat.seconds.toFixed(2)} s, worker CPU ${cpu(repeat)} (${repeat.written} files written, ${JSON.stringify(repeat.states)})`);
      rows.push({ hosts, first, repeat, rssMb: peakRssMb(worker.pid) });
    }
  } finally {
    await worker.stop();
    fs.rmSync(platformRoot, { recursive: true, force: true });
  }

  const lines = [
    `Rollout bench, ${new Date().toISOString()}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; worker concurrency ${opts.concurrency}, task pool ${opts.pool}; local driver, platform root on disk. Command: \`npm run bench:rollout -- --hosts ${opts.sizes.join(",")} --concurrency ${opts.concurrency} --pool ${opts.pool}\``,
    "",
    "| hosts | approval → all done | target | files written | repeat (converge, same state) | repeat writes | repeat < ½ | worker peak RSS (VmHWM) | worker CPU, first / repeat |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const target = TARGET_SECONDS[r.hosts];
      const firstOk = r.first.status === "done" && (target === undefined || r.first.seconds <= target);
      const repeatOk = r.repeat.written === 0 && r.repeat.seconds < r.first.seconds / 2 && (r.repeat.states.unchanged ?? 0) === r.hosts;
      return `| ${r.hosts} | ${r.first.seconds.toFixed(2)} s (${r.first.status}) | ${target === undefined ? "–" : `${firstOk ? "PASS" : "MISS"} ≤ ${target} s`} | ${r.first.written} | ${r.repeat.seconds.toFixed(2)} s | ${r.repeat.written} | ${repeatOk ? "PASS" : "MISS"} | ${r.rssMb ?? "–"} MB (${r.rssMb !== null && r.rssMb <= TARGET_RSS_MB ? "PASS" : "MISS"} ≤ ${TARGET_RSS_MB} MB) | ${cpu(r.first)} / ${cpu(r.repeat)} |`;
    }),
    "",
    "Peak RSS is the worker process's VmHWM after each size (cumulative over the run).",
  ];
  console.log("\n" + lines.join("\n"));
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, "rollout-latest.md"), lines.join("\n") + "\n");
  console.log(`bench:rollout: wrote ${path.join(resultsDir, "rollout-latest.md")}`);
}

try {
  await main();
} catch (error) {
  console.error(`bench:rollout: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
