import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { test as base } from "@playwright/test";
import { nextBin } from "@/server/launcher/build";
import { waitForHttpOk } from "@/server/launcher/children";
import { freePort } from "@/server/launcher/free-port";
import { createDatabase, dropDatabase } from "@/server/testing/test-postgres";
import { stateFile } from "./global-setup";

export const DEMO_PASSWORD = "hostdesk-demo";

type App = { url: string; databaseUrl: string };

/**
 * A `test` whose file runs against its own production server and its own database, cloned from
 * the seeded template: files never see each other's changes.
 */
export function isolatedAppTest() {
  const app: App = { url: "", databaseUrl: "" };
  let server: ChildProcess | undefined;
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
    server = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: app.databaseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: app.url,
        LOG_LEVEL: "warn",
      },
    });
    await waitForHttpOk(`${app.url}/api/health/ready`, 45_000, () => server?.exitCode === null);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      // Next waits for open connections to end; a live feed a test left open must not hold CI up.
      const forced = setTimeout(() => server?.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(forced);
    }
    if (database) await dropDatabase(serverUrl, database);
  });

  return test;
}
