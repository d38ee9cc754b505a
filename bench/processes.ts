import { spawn, type ChildProcess } from "node:child_process";
import { waitForHttpOk } from "@/server/launcher/children";

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

/** Waits for `url` to answer 200; on failure the error carries the process's last output. */
export async function waitForOk(url: string, proc: Tracked, timeoutMs: number): Promise<void> {
  try {
    await waitForHttpOk(url, timeoutMs, () => !proc.exited());
  } catch (error) {
    throw new Error(`${proc.label}: ${error instanceof Error ? error.message : String(error)}. Its last output:\n${proc.tail()}`);
  }
}
