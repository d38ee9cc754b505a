/**
 * `npm run bench`: builds if needed, starts Hostdesk against its own database, generates data at
 * the chosen scale, drives each scenario with autocannon against the app and against the floor,
 * and prints and writes the results. It reports targets as PASS/MISS; it does not fail on a MISS.
 */
import { createDb, createPool } from "@/db/client";
import { DEMO_PASSWORD, seedIfEmpty } from "@/db/seed/demo";
import { migrateDatabase } from "@/server/launcher/migrate";
import { prepareBenchDatabase, redactUrl } from "./database";
import { startFloor, floorPoolMax, type FloorServer } from "./floor";
import { countData, generateScaleData, type DataCounts, type GenerationTimings } from "./generate";
import { busiestHypervisor } from "./generate-inventory";
import { longTicketId } from "./generate-tickets";
import { measure, type LoadTarget } from "./load";
import { parseOptions } from "./options";
import { environment, renderMarkdown, writeReport, type BenchReport, type ScenarioReport } from "./report";
import { requestOf, scenarios, type BenchContext, type InventoryFacts, type Scenario, type ScenarioRequest } from "./scenarios";
import { ensureBuild } from "@/server/launcher/build";
import { startWeb, type WebServer } from "./server";
import { signIn } from "./sign-in";

const ADMIN_EMAIL = "admin@hostdesk.test";

const options = parseOptions(process.argv.slice(2));
const startedAt = new Date().toISOString();
const running: { web?: WebServer; floor?: FloorServer } = {};

async function stopAll(): Promise<void> {
  await Promise.all([running.web?.process.stop(), running.floor?.process.stop()]);
  running.web = undefined;
  running.floor = undefined;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping the server and the floor…`);
    void stopAll().finally(() => process.exit(130));
  });
}

type PreparedData = { data: DataCounts; generation: { seconds: number; steps: GenerationTimings }; context: BenchContext };

/** What the inventory scenarios need to know about the generated data centre. */
async function inventoryFacts(db: ReturnType<typeof createDb>, pool: ReturnType<typeof createPool>): Promise<InventoryFacts | null> {
  const hypervisor = await busiestHypervisor(db);
  if (!hypervisor) return null;
  const listed = await pool.query<{ all: number; production: number }>(
    "select count(*)::int as all, (count(*) filter (where environment = 'production'))::int as production from vms where status <> 'retired'",
  );
  return {
    listedVms: listed.rows[0]?.all ?? 0,
    listedProductionVms: listed.rows[0]?.production ?? 0,
    hypervisorId: hypervisor.hypervisorId,
    hypervisorName: hypervisor.hypervisorName,
    hypervisorVms: hypervisor.vms,
    hypervisorServices: hypervisor.services,
  };
}

async function prepareData(url: string): Promise<PreparedData> {
  await migrateDatabase(url);
  const pool = createPool(url, 4);
  try {
    const db = createDb(pool);
    await seedIfEmpty(db);
    console.log(`bench: generating data at scale ${options.scale} with ${options.vms} VMs and ${options.tickets} tickets…`);
    const started = performance.now();
    const steps = await generateScaleData(db, options.scale, options.vms, options.tickets);
    // Fresh statistics so the planner sees the generated data, as it would after autovacuum in production.
    await pool.query("analyze");
    const seconds = (performance.now() - started) / 1000;
    const detail = Object.entries(steps)
      .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
      .join(", ");
    console.log(`bench: generated in ${seconds.toFixed(1)} s (${detail}, analyze)`);
    const data = await countData(db);
    const admin = await pool.query<{ id: string }>("select id from users where lower(email) = lower($1)", [ADMIN_EMAIL]);
    const adminUserId = admin.rows[0]?.id;
    if (!adminUserId) throw new Error(`${ADMIN_EMAIL} is missing from the bench database; the demo seed did not run.`);
    const longTicket = await longTicketId(db);
    const context: BenchContext = {
      actorUserId: adminUserId,
      orgCount: data.orgs,
      inventory: await inventoryFacts(db, pool),
      helpdesk: longTicket ? { longTicketId: longTicket, tickets: options.tickets } : null,
    };
    return { data, generation: { seconds, steps }, context };
  } finally {
    await pool.end();
  }
}

async function verifyTarget(scenario: Scenario, request: ScenarioRequest, target: LoadTarget, ctx: BenchContext): Promise<void> {
  const res = await fetch(`${target.baseUrl}${request.path}`, {
    method: request.method,
    body: request.body,
    headers: { ...request.headers, ...target.headers },
    redirect: "manual",
  });
  const problem = scenario.verify(res.status, await res.text(), ctx);
  if (problem) throw new Error(`${scenario.name} on the ${target.label}: ${problem}`);
}

async function runScenario(scenario: Scenario, app: LoadTarget, floor: LoadTarget, ctx: BenchContext): Promise<ScenarioReport> {
  const request = requestOf(scenario, ctx);
  await verifyTarget(scenario, request, app, ctx);
  await verifyTarget(scenario, request, floor, ctx);
  const settings = { concurrency: options.concurrency, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  console.log(`bench: ${scenario.name}: app…`);
  const appResult = await measure(request, app, settings);
  console.log(`bench: ${scenario.name}: floor…`);
  const floorResult = await measure(request, floor, settings);
  const floorRatio = floorResult.requestsPerSecond > 0 ? appResult.requestsPerSecond / floorResult.requestsPerSecond : 0;
  const outcome = { app: appResult, floor: floorResult, floorRatio };
  return {
    name: scenario.name,
    description: scenario.description,
    method: request.method,
    path: request.path,
    ...outcome,
    targets: scenario.targets.map((t) => ({ description: t.description, ...t.evaluate(outcome) })),
  };
}

async function main(): Promise<void> {
  const selected = scenarios.filter((s) => !options.only || s.name.includes(options.only));
  if (selected.length === 0) throw new Error(`no scenario matches --only ${options.only}; have: ${scenarios.map((s) => s.name).join(", ")}`);

  const database = await prepareBenchDatabase();
  console.log(`bench: database ${redactUrl(database.url)}${database.fresh ? " (recreated)" : ""}`);
  const { data, generation, context } = await prepareData(database.url);
  // Fail before the build if a selected scenario cannot run on this data (e.g. --vms 0).
  for (const scenario of selected) requestOf(scenario, context);
  // Always a fresh build: measuring an older build would report on code that is no longer there.
  ensureBuild({ force: true });

  console.log("bench: starting the web process and the floor…");
  running.web = await startWeb(database.url, options.webProcesses);
  const cookie = await signIn(running.web.baseUrl, ADMIN_EMAIL, DEMO_PASSWORD);
  running.floor = await startFloor(database.url, context, options.webProcesses);

  const app: LoadTarget = { baseUrl: running.web.baseUrl, pid: running.web.process.pid, label: "web", headers: { cookie } };
  const floor: LoadTarget = { baseUrl: running.floor.baseUrl, pid: running.floor.process.pid, label: "floor", headers: { cookie } };

  const results: ScenarioReport[] = [];
  for (const scenario of selected) results.push(await runScenario(scenario, app, floor, context));
  await stopAll();

  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    options,
    environment: environment(),
    database: { url: redactUrl(database.url), fresh: database.fresh },
    data,
    generation,
    notes: [
      "floor = the same SQL through bare `pg` behind `node:http`, every statement prepared: no framework, no session decoding, no auth crypto " +
        "(the app reads the next-auth JWT from the cookie, decrypting each token once, and loads the actor on every request; the floor takes the admin's id as given).",
      `app and floor each served by ${options.webProcesses} process(es) (WEB_PROCESSES), each with a pool of at most ${floorPoolMax} connections ` +
        "(the app's DATABASE_POOL_MAX default); Postgres, app, floor and autocannon share this machine. Peak RSS is per process.",
      "req/s counts 2xx responses only; latency percentiles are over 2xx responses. Floor RSS includes tsx's loader.",
      "targets are reported, not enforced: a MISS does not fail `npm run bench`.",
      ...(context.inventory && selected.some((s) => s.name.startsWith("inventory-"))
        ? [
            `inventory scenarios: generated data centre of ${options.vms} VMs with 4 services each (plus the demo seed's); ` +
              `inventory-impact-hypervisor fails ${context.inventory.hypervisorName} (${context.inventory.hypervisorVms} VMs, ` +
              `${context.inventory.hypervisorServices} services cut off).`,
            "the impact floor runs the app's statements (the walk down the graph by level and node kind, then the node " +
              "lookup) and calls the app's own pure `nodesCutOffBy` (server/inventory/graph, plain JS) between them, and " +
              "shapes the answer as impact.ts does; it leaves out only the framework, the session and superjson. The app " +
              "remembers an impact answer until the graph's generation moves (server/inventory/graph-cache.ts), so after the " +
              "first request it reads one row and serves the remembered answer; the floor computes every time.",
          ]
        : []),
    ],
    scenarios: results,
  };
  const markdown = renderMarkdown(report);
  const written = writeReport(report, markdown);
  console.log("\n" + markdown);
  console.log(`bench: wrote ${written.jsonPath} and ${written.markdownPath}`);
}

try {
  await main();
} catch (error) {
  console.error(`bench: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
