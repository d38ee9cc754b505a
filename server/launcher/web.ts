import pg from "pg";
import { databaseUrl } from "@/db/client";
import { checkReadiness } from "@/server/health/readiness";
import { log } from "@/server/log";
import { nextBin } from "./build";
import { startChild } from "./children";

/**
 * The web process. It opens its port only once the database answers and every migration of this
 * build is applied, so a load balancer never sees a half-ready instance.
 */
const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
for (let attempt = 1; ; attempt++) {
  const readiness = await checkReadiness(pool);
  if (readiness.ready) break;
  if (attempt === 1 || attempt % 10 === 0) log.warn("web.waiting_for_database", { ...readiness });
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
await pool.end();

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const next = startChild("web", process.execPath, [nextBin, "start", "--port", port, "--hostname", host], { NODE_ENV: "production" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.process.kill(signal));
process.exitCode = (await next.exited) ?? 0;
