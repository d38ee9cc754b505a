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
import { countData, generateScaleData, type DataCounts } from "./generate";
import { measure, type LoadTarget } from "./load";
import { parseOptions } from "./options";
import { environment, renderMarkdown, writeReport, type BenchReport, type ScenarioReport } from "./report";
import { scenarios, type FloorContext, type Scenario, type VerifyContext } from "./scenarios";
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

async function prepareData(url: string): Promise<{ data: DataCounts; adminUserId: string }> {
  await migrateDatabase(url);
  const pool = createPool(url, 4);
  try {
    const db = createDb(pool);
    await seedIfEmpty(db);
    console.log(`bench: generating data at scale ${options.scale}…`);
    await generateScaleData(db, options.scale);
    const data = await countData(db);
    const admin = await pool.query<{ id: string }>("select id from users where lower(email) = lower($1)", [ADMIN_EMAIL]);
    const adminUserId = admin.rows[0]?.id;
    if (!adminUserId) throw new Error(`${ADMIN_EMAIL} is missing from the bench database; the demo seed did not run.`);
    // Fresh statistics so the planner sees the generated data, as it would after autovacuum in production.
    await pool.query("analyze");
    return { data, adminUserId };
  } finally {
    await pool.end();
  }
}

async function verifyTarget(scenario: Scenario, target: LoadTarget, ctx: VerifyContext): Promise<void> {
  const res = await fetch(`${target.baseUrl}${scenario.request.path}`, {
    method: scenario.request.method,
    body: scenario.request.body,
    headers: { ...scenario.request.headers, ...target.headers },
    redirect: "manual",
  });
  const problem = scenario.verify(res.status, await res.text(), ctx);
  if (problem) throw new Error(`${scenario.name} on the ${target.label}: ${problem}`);
}

async function runScenario(scenario: Scenario, app: LoadTarget, floor: LoadTarget, ctx: VerifyContext): Promise<ScenarioReport> {
  await verifyTarget(scenario, app, ctx);
  await verifyTarget(scenario, floor, ctx);
  const settings = { concurrency: options.concurrency, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  console.log(`bench: ${scenario.name}: app…`);
  const appResult = await measure(scenario, app, settings);
  console.log(`bench: ${scenario.name}: floor…`);
  const floorResult = await measure(scenario, floor, settings);
  const floorRatio = floorResult.requestsPerSecond > 0 ? appResult.requestsPerSecond / floorResult.requestsPerSecond : 0;
  const outcome = { app: appResult, floor: floorResult, floorRatio };
  return {
    name: scenario.name,
    description: scenario.description,
    method: scenario.request.method,
    path: scenario.request.path,
    ...outcome,
    targets: scenario.targets.map((t) => ({ description: t.description, ...t.evaluate(outcome) })),
  };
}

async function main(): Promise<void> {
  const selected = scenarios.filter((s) => !options.only || s.name.includes(options.only));
  if (selected.length === 0) throw new Error(`no scenario matches --only ${options.only}; have: ${scenarios.map((s) => s.name).join(", ")}`);

  const database = await prepareBenchDatabase();
  console.log(`bench: database ${redactUrl(database.url)}${database.fresh ? " (recreated)" : ""}`);
  const { data, adminUserId } = await prepareData(database.url);
  // Always a fresh build: measuring an older build would report on code that is no longer there.
  ensureBuild({ force: true });

  console.log("bench: starting the web process and the floor…");
  running.web = await startWeb(database.url);
  const cookie = await signIn(running.web.baseUrl, ADMIN_EMAIL, DEMO_PASSWORD);
  const floorContext: FloorContext = { actorUserId: adminUserId };
  running.floor = await startFloor(database.url, floorContext);

  const app: LoadTarget = { baseUrl: running.web.baseUrl, pid: running.web.process.pid, label: "web", headers: { cookie } };
  const floor: LoadTarget = { baseUrl: running.floor.baseUrl, pid: running.floor.process.pid, label: "floor", headers: { cookie } };
  const verifyContext: VerifyContext = { orgCount: data.orgs };

  const results: ScenarioReport[] = [];
  for (const scenario of selected) results.push(await runScenario(scenario, app, floor, verifyContext));
  await stopAll();

  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    options,
    environment: environment(),
    database: { url: redactUrl(database.url), fresh: database.fresh },
    data,
    notes: [
      "floor = the same SQL through bare `pg` behind `node:http`: no framework, no session decoding, no auth crypto " +
        "(the app decrypts the next-auth JWT on every request; the floor takes the admin's id as given).",
      `floor pool max ${floorPoolMax} connections (the app's DATABASE_POOL_MAX default); Postgres, app, floor and autocannon share this machine.`,
      "req/s counts 2xx responses only; latency percentiles are over 2xx responses. Floor RSS includes tsx's loader.",
      "targets are reported, not enforced: a MISS does not fail `npm run bench`.",
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
