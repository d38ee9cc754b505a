import { randomBytes } from "node:crypto";
import { freePort } from "@/server/launcher/free-port";
import { startTracked, waitForOk, type Tracked } from "./processes";

const READY_TIMEOUT_MS = 90_000;

export type WebServer = { process: Tracked; baseUrl: string };

/** Starts the web process (server/launcher/web.ts) against the bench database and waits until /api/health/ready says 200. */
export async function startWeb(databaseUrl: string, webProcesses: number): Promise<WebServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = startTracked("web", process.execPath, ["--import", "tsx", "server/launcher/web.ts"], {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    WEB_PROCESSES: String(webProcesses),
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
