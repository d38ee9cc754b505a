import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { waitForHttpOk } from "@/server/launcher/children";
import { freePort } from "@/server/launcher/free-port";
import { webProcessCount } from "./processes";

describe("webProcessCount", () => {
  it("is one unless WEB_PROCESSES says otherwise", () => {
    expect(webProcessCount(undefined)).toBe(1);
    expect(webProcessCount("")).toBe(1);
    expect(webProcessCount("4")).toBe(4);
  });

  it("refuses what is not a sensible process count, saying what it got", () => {
    for (const raw of ["0", "-2", "1.5", "lots", "65"]) expect(() => webProcessCount(raw)).toThrow(`got "${raw}"`);
  });
});

describe("serveHere: several processes on one port", () => {
  async function startGroup(minHealthyMs: number) {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/web/testing/pid-server.ts"], {
      env: { ...process.env, PID_SERVER_PROCESSES: "2", PID_SERVER_PORT: String(port), PID_SERVER_MIN_HEALTHY_MS: String(minHealthyMs), LOG_LEVEL: "error" },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const pidsSeen = async (requests: number) => {
      const pids = new Set<string>();
      for (let i = 0; i < requests; i++) pids.add(await (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) })).text());
      return pids;
    };
    await waitForHttpOk(`http://127.0.0.1:${port}/`, 20_000, () => child.exitCode === null);
    // Both workers listen once each has answered once.
    for (let tries = 0; (await pidsSeen(6)).size < 2 && tries < 50; tries++) await new Promise((r) => setTimeout(r, 100));
    return { child, exited, pidsSeen };
  }

  it("shares connections between the workers, replaces one that crashes, and stops them all on SIGTERM", async () => {
    const group = await startGroup(0);
    const before = await group.pidsSeen(8);
    expect(before.size).toBe(2);
    const [victim] = [...before];
    process.kill(Number(victim), "SIGKILL");
    let after = new Set<string>();
    for (let tries = 0; tries < 100; tries++) {
      after = await group.pidsSeen(6).catch(() => new Set<string>());
      if (after.size === 2 && !after.has(victim!)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(after.size).toBe(2);
    expect(after.has(victim!)).toBe(false);
    group.child.kill("SIGTERM");
    expect(await group.exited).toBe(0);
    for (const pid of after) expect(() => process.kill(Number(pid), 0)).toThrow();
  }, 60_000);

  it("stops the group, failing, when a worker dies straight after starting", async () => {
    const group = await startGroup(60_000);
    const [victim] = [...(await group.pidsSeen(8))];
    process.kill(Number(victim), "SIGKILL");
    expect(await group.exited).toBe(1);
  }, 60_000);
});
