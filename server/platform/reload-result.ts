import type { CommandResult, ReloadResult } from "./driver";

/** A command's outcome in the words of a reload. */
export function reloadResult(result: CommandResult, what: string): ReloadResult {
  const output = [result.stdout.trim(), result.stderr.trim()].filter(Boolean).join("\n");
  if (result.code === 0) return { status: "reloaded", detail: output ? `${what}: ${output}` : `${what}: ok` };
  return { status: "failed", detail: `${what} exited with ${result.code}${output ? `: ${output}` : ""}` };
}
