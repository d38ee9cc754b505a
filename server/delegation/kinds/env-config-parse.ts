import type { ValidationIssue } from "../kind";
import { error } from "./issue";

/** One `KEY=value` line; `secret` when written `secret KEY=value`. `line` is 1-based. */
export type EnvEntry = { line: number; key: string; value: string; secret: boolean };

export type EnvParse = { entries: EnvEntry[]; issues: ValidationIssue[] };

const entryPattern = /^(\s*)(?:(secret)\s+)?([^=\s#]+)\s*=(.*)$/;
const commentOrBlank = /^\s*(#.*)?$/;

/** Lines as the editor numbers them; a carriage return before a newline is not part of the line. */
export const envLines = (text: string) => text.split("\n").map((line) => line.replace(/\r$/, ""));

/**
 * Reads env_config text: `KEY=value` per line, `secret KEY=value` for values to keep encrypted and
 * hidden, `#` comments and blank lines. Everything after the first `=` is the value, exactly as
 * written (no quotes are removed), because that is what the application will read.
 */
export function parseEnvText(text: string): EnvParse {
  const entries: EnvEntry[] = [];
  const issues: ValidationIssue[] = [];
  envLines(text).forEach((raw, index) => {
    const line = index + 1;
    if (commentOrBlank.test(raw)) return;
    const match = entryPattern.exec(raw);
    if (!match) {
      issues.push(error(line, "Write KEY=value, or secret KEY=value for a value to keep hidden; # starts a comment."));
      return;
    }
    entries.push({ line, key: match[3]!, value: match[4]!, secret: match[2] === "secret" });
  });
  return { entries, issues };
}

/**
 * Rewrites the value of every secret entry, leaving every other byte of the text as it was, so a
 * sealed or masked text still lines up line for line with what the customer typed.
 */
export function mapSecretValues(text: string, replace: (entry: EnvEntry) => string): string {
  const { entries } = parseEnvText(text);
  const lines = envLines(text);
  for (const entry of entries) {
    if (!entry.secret) continue;
    const raw = lines[entry.line - 1]!;
    lines[entry.line - 1] = `${raw.slice(0, raw.length - entry.value.length)}${replace(entry)}`;
  }
  return lines.join("\n");
}
