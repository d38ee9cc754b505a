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
  async function startGroup(minHealthyMs: number, { processes = 2, supervised = false, v8Flags = "" } = {}) {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/web/testing/pid-server.ts"], {
      env: {
        ...process.env,
        PID_SERVER_PROCESSES: String(processes),
        PID_SERVER_PORT: String(port),
        PID_SERVER_MIN_HEALTHY_MS: String(minHealthyMs),
        PID_SERVER_SUPERVISED: supervised ? "1" : "0",
        PID_SERVER_V8_FLAGS: v8Flags,
        LOG_LEVEL: "error",
      },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const answers = async (requests: number) => {
      const seen = new Set<string>();
      for (let i = 0; i < requests; i++) seen.add(await (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) })).text());
      return seen;
    };
    const pidsSeen = async (requests: number) => new Set([...(await answers(requests))].map((answer) => answer.split(" ")[0]!));
    await waitForHttpOk(`http://127.0.0.1:${port}/`, 20_000, () => child.exitCode === null);
    // Every worker listens once each has answered once.
    for (let tries = 0; (await pidsSeen(6)).size < processes && tries < 50; tries++) await new Promise((r) => setTimeout(r, 100));
    return { child, exited, pidsSeen, answers };
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

  it("supervises a single process when asked, starting it with the V8 flags only a start can set", async () => {
    const group = await startGroup(0, { processes: 1, supervised: true, v8Flags: "--max-semi-space-size=32" });
    const [answer] = [...(await group.answers(3))];
    const [pid, ...flags] = answer!.split(" ");
    expect(Number(pid)).not.toBe(group.child.pid);
    expect(flags).toContain("--max-semi-space-size=32");
    process.kill(Number(pid), "SIGKILL");
    let replaced = new Set<string>();
    for (let tries = 0; tries < 100 && (replaced.size === 0 || replaced.has(pid!)); tries++) {
      replaced = await group.pidsSeen(2).catch(() => new Set<string>());
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(replaced.size).toBe(1);
    expect(replaced.has(pid!)).toBe(false);
    group.child.kill("SIGTERM");
    expect(await group.exited).toBe(0);
  }, 60_000);

  it("stops the group, failing, when a worker dies straight after starting", async () => {
    const group = await startGroup(60_000);
    const [victim] = [...(await group.pidsSeen(8))];
    process.kill(Number(victim), "SIGKILL");
    expect(await group.exited).toBe(1);
  }, 60_000);
});
