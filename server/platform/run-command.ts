import { spawn } from "node:child_process";
import { constants } from "node:os";
import type { CommandResult } from "./driver";

/** What a command may print before the rest is dropped: the head of a config test's output is what explains it. */
export const maxOutputBytes = 256 * 1024;

/** Keeps the first `maxOutputBytes` of a stream and notes how much was dropped. */
export function outputCollector() {
  const chunks: Buffer[] = [];
  let kept = 0;
  let dropped = 0;
  return {
    push(chunk: Buffer) {
      const room = maxOutputBytes - kept;
      if (room > 0) {
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        chunks.push(part);
        kept += part.length;
      }
      dropped += Math.max(0, chunk.length - Math.max(room, 0));
    },
    text() {
      const text = Buffer.concat(chunks).toString("utf8");
      return dropped > 0 ? `${text}\n[… ${dropped} more bytes not kept]` : text;
    },
  };
}

/**
 * Runs argv directly (no shell, so nothing in an argument is interpreted) in `cwd`. The child leads
 * its own process group so that a timeout kills whatever it started too, not only the child.
 * Never throws for the command's sake: a missing program is exit 127, a timeout is exit 124, as a
 * shell would report them.
 */
export function runCommand(argv: string[], cwd: string, timeoutMs: number): Promise<CommandResult> {
  const [program, ...args] = argv;
  if (!program) return Promise.resolve({ code: 127, stdout: "", stderr: "no command given" });
  return new Promise((resolve) => {
    const stdout = outputCollector();
    const stderr = outputCollector();
    let timedOut = false;
    let settled = false;
    const child = spawn(program, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const finish = (result: CommandResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    child.once("error", (error: NodeJS.ErrnoException) => {
      finish({ code: error.code === "ENOENT" ? 127 : 126, stdout: stdout.text(), stderr: `${stderr.text()}${program}: ${error.message}` });
    });
    child.once("close", (code, signal) => {
      if (timedOut) finish({ code: 124, stdout: stdout.text(), stderr: `${stderr.text()}\n${program}: killed after the ${timeoutMs} ms timeout`.trimStart() });
      else finish({ code: code ?? 128 + signalNumber(signal), stdout: stdout.text(), stderr: stderr.text() });
    });
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal ? (constants.signals[signal] ?? 0) : 0;
}
