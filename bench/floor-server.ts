/**
 * The floor: the scenarios' SQL run through bare `pg` behind `node:http`, with no framework, no
 * session decoding and no auth crypto. It is what "as fast as this hardware and Postgres allow"
 * looks like for each request. Started by floor.ts as its own process.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import { createDb, createPool } from "@/db/client";
import { SERVING_V8_FLAGS, serveHere, webProcessCount } from "@/server/web/processes";
import { requestOf, scenarios, type BenchContext, type FloorQueryFn, type Scenario } from "./scenarios";

const port = Number(process.env.FLOOR_PORT);
const databaseUrl = process.env.DATABASE_URL;
const context = JSON.parse(process.env.FLOOR_CONTEXT ?? "{}") as BenchContext;
const poolMax = Number(process.env.FLOOR_POOL_MAX ?? 10);
if (!port || !databaseUrl || !context.actorUserId) throw new Error("floor: FLOOR_PORT, DATABASE_URL and FLOOR_CONTEXT are required");

// As many processes as the app's web (WEB_PROCESSES), started alike, so both sides get the same cores.
if (serveHere("floor", webProcessCount(), { supervised: true, v8Flags: SERVING_V8_FLAGS })) serve(databaseUrl);

const statementName = (sql: string) => `floor_${createHash("sha1").update(sql).digest("base64url").slice(0, 24)}`;

function serve(databaseUrl: string): void {

  // The app's own pool settings (db/client.ts), so both sides talk to Postgres alike.
  const pool = createPool(databaseUrl, poolMax);

  // Every statement named after its text, so each connection parses it once and Postgres may keep its
  // plan: the app keeps its hot statements prepared (db/prepared.ts), and the floor must not be slower
  // for lack of what the app does.
  const query: FloorQueryFn = async (sql, params) => (await pool.query({ name: statementName(sql), text: sql, values: params })).rows;
  const db = createDb(pool);

  // Keyed by method and path as the scenario builds it from the data; a scenario whose data is missing
  // (e.g. no generated data centre) is simply not served.
  const routes = new Map<string, Scenario>();
  for (const scenario of scenarios) {
    try {
      const request = requestOf(scenario, context);
      routes.set(`${request.method} ${request.path}`, scenario);
    } catch {
      // not runnable on this data
    }
  }

  async function answer(scenario: Scenario, res: http.ServerResponse): Promise<void> {
    const out = await scenario.floor(query, context, db);
    res.writeHead(out.status, { "content-type": out.contentType, "content-length": Buffer.byteLength(out.body) });
    res.end(out.body);
  }

  const server = http.createServer((req, res) => {
    if (req.url === "/__floor/ready") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ready");
      return;
    }
    const scenario = routes.get(`${req.method} ${req.url}`);
    if (!scenario) {
      res.writeHead(404, { "content-type": "text/plain" }).end("no such scenario");
      return;
    }
    // Drain any request body before answering, as a framework would.
    req.resume();
    answer(scenario, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(message);
    });
  });

  server.listen(port, "127.0.0.1");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void pool.end().finally(() => process.exit(0));
    });
  }
}
