import type { ValidationIssue } from "../kind";

const messagePattern = /^nginx: \[(emerg|alert|crit|error|warn|notice)\] (.*)$/;
const locationPattern = /^(.*) in (\S+):(\d+)$/;

/**
 * Turns `nginx -t` output into issues at the snippet's own lines. A message about the snippet's
 * file (`… in /stage/etc/nginx/hostdesk/acme-web.conf:3`, or the same path relative to the stage)
 * gets that line; one about another file keeps the file's name and has no line, since the customer
 * cannot see or change that file. Output nginx did not format as a message is kept whole, so nothing
 * the tool said is lost.
 */
export function nginxErrorLine(stderr: string, stagedFileName: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const leftovers: string[] = [];
  const fileName = stagedFileName.replace(/^\/+/, "");
  for (const raw of stderr.split("\n")) {
    const text = raw.trim();
    if (text === "" || /^nginx: configuration file .* test (failed|is successful)$/.test(text) || /^nginx: the configuration file .* syntax is ok$/.test(text)) continue;
    const message = messagePattern.exec(text);
    if (!message) {
      leftovers.push(text);
      continue;
    }
    const severity = message[1] === "warn" || message[1] === "notice" ? "warning" : "error";
    const located = locationPattern.exec(message[2]!);
    if (!located) {
      issues.push({ line: null, message: message[2]!, severity });
      continue;
    }
    const [, what, file, line] = located as unknown as [string, string, string, string];
    const ours = file === fileName || file.endsWith(`/${fileName}`);
    issues.push(ours ? { line: Number(line), message: what, severity } : { line: null, message: `${what} (in the host's ${file.split("/").pop()}, line ${line})`, severity });
  }
  if (leftovers.length > 0) issues.push({ line: null, message: leftovers.join("\n"), severity: "error" });
  return issues;
}
