import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test as base } from "@playwright/test";
import { waitForHttpOk } from "@/server/launcher/children";
import { freePort } from "@/server/launcher/free-port";
import { createDatabase, dropDatabase } from "@/server/testing/test-postgres";
import { stateFile } from "./global-setup";

export const DEMO_PASSWORD = "hostdesk-demo";

type App = { url: string; databaseUrl: string; /** The local platform's host folders (only with `worker: true`). */ platformRoot: string };

/** Stops a child, forcefully when it will not end in time, and waits until it is gone. */
async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  // The server waits a moment for open connections; a live feed a test left open must not hold CI up.
  const forced = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(forced);
}

/**
 * A `test` whose file runs against its own production server and its own database, cloned from
 * the seeded template: files never see each other's changes. `worker: true` also runs a worker
 * process on that database, pushing to host folders under a fresh temporary platform root — only
 * journeys that roll changes out pay for it. `webProcesses` serves the app from that many processes
 * (WEB_PROCESSES), for journeys whose browsers must meet across them.
 */
export function isolatedAppTest({ worker: withWorker = false, webProcesses = 1 }: { worker?: boolean; webProcesses?: number } = {}) {
  const app: App = { url: "", databaseUrl: "", platformRoot: "" };
  let server: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let database = "";
  const { serverUrl, template } = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { serverUrl: string; template: string };

  const test = base.extend<{ app: App }>({
    app: async ({}, provide) => provide(app),
    baseURL: async ({}, provide) => provide(app.url),
  });

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    database = `hd_e2e_${randomBytes(5).toString("hex")}`;
    app.databaseUrl = await createDatabase(serverUrl, database, template);
    const port = await freePort();
    app.url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "server/launcher/web.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        PORT: String(port),
        WEB_PROCESSES: String(webProcesses),
        DATABASE_URL: app.databaseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: app.url,
        LOG_LEVEL: "warn",
      },
    });
    if (withWorker) {
      app.platformRoot = fs.mkdtempSync(path.join(os.tmpdir(), "hd-e2e-platform-"));
      worker = spawn(process.execPath, ["--import", "tsx", "server/worker/main.ts"], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DATABASE_URL: app.databaseUrl, HOSTDESK_PLATFORM_ROOT: app.platformRoot, LOG_LEVEL: "warn" },
      });
    }
    await waitForHttpOk(`${app.url}/api/health/ready`, 45_000, () => server?.exitCode === null);
  });

  test.afterAll(async () => {
    await Promise.all([stopChild(server), stopChild(worker)]);
    if (app.platformRoot) fs.rmSync(app.platformRoot, { recursive: true, force: true });
    if (database) await dropDatabase(serverUrl, database);
  });

  return test;
}
