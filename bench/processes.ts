import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

const TAIL_LINES = 60;

export type Tracked = {
  label: string;
  pid: number;
  child: ChildProcess;
  /** The last lines the process wrote, for the error message when it misbehaves. */
  tail: () => string;
  exited: () => boolean;
  stop: () => Promise<void>;
};

/**
 * Starts a process in its own process group, so that stopping it also stops anything it spawned,
 * and keeps its last output lines instead of mixing them into the bench output.
 */
export function startTracked(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Tracked {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  if (child.pid === undefined) throw new Error(`${label}: could not start ${command}`);
  const pid = child.pid;
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let done = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once("exit", () => {
      done = true;
      resolve();
    });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };

  return {
    label,
    pid,
    child,
    tail: () => lines.join("\n"),
    exited: () => done,
    stop: async () => {
      if (done) {
        signalGroup("SIGTERM"); // stragglers the leader left behind, if any
        return;
      }
      signalGroup("SIGTERM");
      const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
      if ((await Promise.race([exitedPromise.then(() => "exited" as const), timer])) === "timeout") signalGroup("SIGKILL");
      await Promise.race([exitedPromise, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}

/** A port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** Polls `url` until it answers 200, the process exits, or the time is up. */
export async function waitForOk(url: string, proc: Tracked, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (proc.exited()) throw new Error(`${proc.label} exited before it was ready. Its last output:\n${proc.tail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${proc.label} was not ready at ${url} within ${timeoutMs / 1000} s (${last}). Its last output:\n${proc.tail()}`);
}
