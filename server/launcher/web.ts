import cluster from "node:cluster";
import { waitUntilReady } from "@/server/health/readiness";
import { log } from "@/server/log";
import { SERVING_V8_FLAGS, serveHere, webProcessCount } from "@/server/web/processes";

/**
 * The web process: `node --import tsx server/launcher/web.ts [--dev]`. It opens its port only once
 * the database answers and every migration of this build is applied, so a load balancer never sees
 * a half-ready instance. WEB_PROCESSES > 1 serves the port from that many processes.
 */
const dev = process.argv.includes("--dev");
// Before Next loads: it picks its React build and its caching from NODE_ENV.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
// tsx turns source maps on for the whole process; Node then reads and keeps the map of every module
// Next loads (its compiled chunks ship large ones) and looks them up for every Error created. The web
// process measured about a third of its memory in that cache; its stack traces are plain JS instead.
if (!dev) process.setSourceMapsEnabled(false);

async function serve(): Promise<void> {
  const { startWebServer, stopWebServer } = await import("@/server/web/server");
  const server = await startWebServer({ host: process.env.HOST ?? "127.0.0.1", port: Number(process.env.PORT ?? 3000), dev });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log.info("web.stopping", { signal });
      void stopWebServer(server).finally(() => process.exit(0));
    });
  }
}

if (cluster.isPrimary) await waitUntilReady("web");
// Production always serves from supervised workers, which start with SERVING_V8_FLAGS (and a crashed
// one is replaced, even when it is the only one).
if (serveHere("web", dev ? 1 : webProcessCount(), { supervised: !dev, v8Flags: SERVING_V8_FLAGS })) await serve();
