/**
 * The embedded default as a person meets it: with no DATABASE_URL, `npm start` brings up Postgres,
 * migrates, seeds, serves; a demo user signs in; Ctrl-C (SIGINT to the process group) stops it all.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { signIn } from "@/bench/sign-in";
import { waitForHttpOk } from "@/server/launcher/children";

const port = 3100;
const base = `http://127.0.0.1:${port}`;
const dataDir = path.resolve(".data/smoke");
fs.rmSync(dataDir, { recursive: true, force: true });

const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: "54359", HOSTDESK_DATA_DIR: dataDir };
delete env.DATABASE_URL;
delete env.NEXTAUTH_SECRET;
delete env.NEXTAUTH_URL;

const app = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "inherit", "inherit"] });
const exited = new Promise<string>((resolve) => app.on("exit", (code, signal) => resolve(signal ?? `code ${code}`)));

function embeddedPostgresRunning(): boolean {
  return spawnSync("pgrep", ["-f", `${dataDir}/pg`]).status === 0;
}

let failure: unknown;
try {
  await waitForHttpOk(`${base}/api/health/ready`, 300_000, () => app.exitCode === null);
  if (!embeddedPostgresRunning()) throw new Error("no embedded Postgres is running under .data/smoke");
  const cookie = await signIn(base, "owner@acme.test", "hostdesk-demo");
  const portal = await fetch(`${base}/portal`, { headers: { cookie }, redirect: "manual" });
  const html = await portal.text();
  if (portal.status !== 200 || !html.includes("Olivia Owner")) throw new Error(`/portal answered ${portal.status} without the demo owner's page`);
  process.stdout.write("smoke: ready, signed in as owner@acme.test, portal rendered\n");
} catch (error) {
  failure = error;
}

process.kill(-app.pid!, "SIGINT");
const code = await Promise.race([exited, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 60_000).unref())]);
if (code === "timeout") {
  process.kill(-app.pid!, "SIGKILL");
  failure ??= new Error("npm start did not stop within 60 s of Ctrl-C");
} else if (embeddedPostgresRunning()) failure ??= new Error("embedded Postgres kept running after Ctrl-C");
else process.stdout.write(`smoke: stopped cleanly (${code})\n`);

if (failure) {
  process.stderr.write(`smoke: FAILED: ${failure instanceof Error ? failure.message : String(failure)}\n`);
  process.exitCode = 1;
}
