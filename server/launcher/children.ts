import { spawn, type ChildProcess } from "node:child_process";
import { log } from "@/server/log";

export type Child = { name: string; process: ChildProcess; exited: Promise<number | null> };

/** Starts a child process that shares our stdout/stderr and our environment plus `env`. */
export function startChild(name: string, command: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env, HOSTDESK_PROCESS: name } });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));
  log.info("launcher.child_started", { child: name, pid: child.pid });
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL for whatever has not exited after the grace period. */
export async function stopChildren(children: Child[], graceMs = 10_000): Promise<void> {
  for (const child of children) if (child.process.exitCode === null) child.process.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGKILL");
  }, graceMs);
  await Promise.all(children.map((child) => child.exited));
  clearTimeout(timer);
}

/** Polls a URL until it answers 200; fails early when `isAlive` turns false, and says what it last saw. */
export async function waitForHttpOk(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the process serving ${url} exited before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (${last})`);
}
