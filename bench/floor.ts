import { freePort } from "@/server/launcher/free-port";
import { startTracked, waitForOk, type Tracked } from "./processes";
import type { BenchContext } from "./scenarios";

export type FloorServer = { process: Tracked; baseUrl: string };

/** Pool size the floor uses; the same default as the app's DATABASE_POOL_MAX, so both get equal Postgres. */
export const floorPoolMax = Number(process.env.DATABASE_POOL_MAX ?? 10);

/** Starts floor-server.ts in its own process (through tsx's loader) and waits until it answers. */
export async function startFloor(databaseUrl: string, context: BenchContext, webProcesses: number): Promise<FloorServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = startTracked("floor", process.execPath, ["--import", "tsx", "bench/floor-server.ts"], {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    FLOOR_PORT: String(port),
    FLOOR_POOL_MAX: String(floorPoolMax),
    FLOOR_CONTEXT: JSON.stringify(context),
    WEB_PROCESSES: String(webProcesses),
  });
  try {
    await waitForOk(`${baseUrl}/__floor/ready`, proc, 30_000);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { process: proc, baseUrl };
}
