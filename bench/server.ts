import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort, startTracked, waitForOk, type Tracked } from "./processes";

const nextBin = path.resolve("node_modules/next/dist/bin/next");
const READY_TIMEOUT_MS = 90_000;

/** Builds the production app once; an existing build is reused (delete `.next/` to force one). */
export function ensureBuild(env: NodeJS.ProcessEnv): void {
  if (fs.existsSync(path.resolve(".next/BUILD_ID"))) return;
  console.log("bench: no production build found, running `next build` (a minute or two)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
}

export type WebServer = { process: Tracked; baseUrl: string };

/** Starts `next start` against the bench database and waits until /api/health/ready says 200. */
export async function startWeb(databaseUrl: string): Promise<WebServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = startTracked("web", process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseUrl,
    HOSTDESK_PROCESS: "web",
  });
  try {
    await waitForOk(`${baseUrl}/api/health/ready`, proc, READY_TIMEOUT_MS);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { process: proc, baseUrl };
}
