import { z } from "zod";
import type { SnippetContext, SnippetKind, ValidationIssue } from "../kind";
import { controlCharacters } from "./control-characters";
import { snippetFileStem } from "./host-file-name";
import { error, warning } from "./issue";
import { serviceUsers } from "./service-users";

/** Accounts a supervised program may run as; never root. */
export const supervisorUsers = serviceUsers;
export const supervisorProgramNamePattern = /^[a-z][a-z0-9_-]{0,39}$/;
export const supervisorMaxCommandLength = 1000;
export const supervisorMemoryLimitMb = { min: 32, max: 65536 } as const;
export const supervisorHealthTimeoutSeconds = { min: 1, max: 60 } as const;
const envKeyPattern = /^[A-Z_][A-Z0-9_]*$/;
/** Health checks reach the program on its own VM; anything else would make the watchdog a scanner. */
const localHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

const contentSchema = z.object({
  name: z.string().max(200),
  command: z.string().max(supervisorMaxCommandLength * 4),
  // Any string, so a wrong account gets the policy's plain sentence rather than a schema error.
  user: z.string().max(64),
  autostart: z.boolean(),
  autorestart: z.enum(["true", "false", "unexpected"]),
  environment: z.record(z.string().max(200), z.string().max(4000)).default({}),
  /** memmon restarts the program when its memory passes this; null for no limit. */
  memoryLimitMb: z.number().int().nullable().default(null),
  /** httpok restarts the program when this URL does not answer in time; null for no health check. */
  healthUrl: z.string().max(2000).nullable().default(null),
  healthTimeoutSeconds: z.number().int().default(10),
});
export type SupervisorContent = z.infer<typeof contentSchema>;

export const supervisorFilePath = (context: SnippetContext) => `etc/supervisor/conf.d/hostdesk-${snippetFileStem(context)}.conf`;

/**
 * Program names are global to supervisord, so each is prefixed with the organisation's slug: a
 * customer's "nginx" cannot collide with (or stand in for) the provider's programs or another
 * customer's.
 */
export const supervisorProgramName = (content: SupervisorContent, context: SnippetContext) => `${context.orgSlug}-${content.name}`;

function healthUrlIssue(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL; write it like http://127.0.0.1:3000/health`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "the health URL must start with http:// or https://";
  if (!localHosts.has(parsed.hostname)) return `the health URL must point at the VM itself (localhost or 127.0.0.1), not ${parsed.hostname}`;
  if (parsed.username || parsed.password) return "the health URL must not carry a user name or password";
  return null;
}

function supervisorPolicy(content: SupervisorContent): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!supervisorProgramNamePattern.test(content.name)) {
    issues.push(error(null, `"${content.name}" is not a program name: use up to 40 lowercase letters, digits, _ or -, starting with a letter.`));
  }
  const command = content.command.trim();
  if (command === "") issues.push(error(null, "The command is empty; say what to run, e.g. /srv/acme/bin/worker."));
  else if (controlCharacters.test(content.command)) issues.push(error(null, "The command must be one line, without newlines, tabs or other control characters."));
  else if (content.command.length > supervisorMaxCommandLength) issues.push(error(null, `The command is longer than ${supervisorMaxCommandLength} characters; put it in a script and run that.`));
  else if (/^(sudo|su|doas)\b/.test(command)) issues.push(error(null, 'Do not switch users in the command; choose the account with "user".'));
  if (content.user === "root") issues.push(error(null, `Programs never run as root; choose ${supervisorUsers.join(" or ")}.`));
  else if (!(supervisorUsers as readonly string[]).includes(content.user)) issues.push(error(null, `Programs run as ${supervisorUsers.join(" or ")}, not "${content.user}".`));
  for (const [key, value] of Object.entries(content.environment).sort(([a], [b]) => a.localeCompare(b))) {
    if (!envKeyPattern.test(key)) issues.push(error(null, `Environment variable "${key}" must be upper case letters, digits and _, not starting with a digit.`));
    if (controlCharacters.test(value)) issues.push(error(null, `Environment variable ${key} must be one line.`));
    // supervisord splits environment= with a shell-like lexer; these two would change how it splits.
    else if (/["\\]/.test(value)) issues.push(error(null, `Environment variable ${key} may not contain " or \\; put such values in a file your program reads.`));
  }
  if (Object.keys(content.environment).length > 50) issues.push(error(null, "At most 50 environment variables; put the rest in a file your program reads."));
  if (content.memoryLimitMb !== null && (content.memoryLimitMb < supervisorMemoryLimitMb.min || content.memoryLimitMb > supervisorMemoryLimitMb.max)) {
    issues.push(error(null, `The memory limit must be between ${supervisorMemoryLimitMb.min} and ${supervisorMemoryLimitMb.max} MB.`));
  }
  if (content.healthUrl !== null) {
    const problem = healthUrlIssue(content.healthUrl);
    if (problem) issues.push(error(null, `${problem[0]!.toUpperCase()}${problem.slice(1)}.`));
    const { min, max } = supervisorHealthTimeoutSeconds;
    if (content.healthTimeoutSeconds < min || content.healthTimeoutSeconds > max) issues.push(error(null, `The health check timeout must be between ${min} and ${max} seconds.`));
  }
  if (!content.autostart) issues.push(warning(null, "The program will not start by itself; someone has to start it after every reboot."));
  return issues;
}

function explainSupervisor(content: SupervisorContent): string[] {
  const lines = [`Runs ${content.command.trim()} as ${content.user}${content.autostart ? ", started with the VM" : ""}.`];
  lines.push(
    content.autorestart === "true" ? "Restarted whenever it stops." : content.autorestart === "unexpected" ? "Restarted when it exits with an error." : "Not restarted when it stops.",
  );
  if (content.memoryLimitMb !== null) lines.push(`Restarted when it uses more than ${content.memoryLimitMb} MB of memory.`);
  if (content.healthUrl !== null) lines.push(`Restarted when ${content.healthUrl} does not answer within ${content.healthTimeoutSeconds} seconds (checked every minute).`);
  return lines;
}

/** supervisord expands `%(name)s` in values; a literal percent sign is written `%%`. */
const literal = (value: string) => value.replace(/%/g, "%%");

function renderSupervisor(content: SupervisorContent, context: SnippetContext) {
  const program = supervisorProgramName(content, context);
  const lines = [
    `; Supervised program of ${context.orgSlug} (snippet ${context.snippetSlug}), written by Hostdesk; edits made here are overwritten.`,
    `[program:${program}]`,
    `command=${literal(content.command.trim())}`,
    `user=${content.user}`,
    `autostart=${content.autostart}`,
    `autorestart=${content.autorestart}`,
    // A shell wrapper's children must stop with it, or restarts leave orphans holding the port.
    "stopasgroup=true",
    "killasgroup=true",
  ];
  const environment = Object.entries(content.environment).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (environment.length > 0) lines.push(`environment=${environment.map(([k, v]) => `${k}="${literal(v)}"`).join(",")}`);
  // The watchdogs are superlance's event listeners, woken once a minute by supervisord's TICK_60.
  if (content.memoryLimitMb !== null) {
    lines.push("", `[eventlistener:${program}_memmon]`, `command=memmon -p ${program}=${content.memoryLimitMb}MB`, "events=TICK_60");
  }
  if (content.healthUrl !== null) {
    lines.push("", `[eventlistener:${program}_httpok]`, `command=httpok -p ${program} -t ${content.healthTimeoutSeconds} ${literal(content.healthUrl)}`, "events=TICK_60");
  }
  return [{ path: supervisorFilePath(context), content: `${lines.join("\n")}\n`, mode: 0o644 }];
}

export const supervisorKind: SnippetKind<SupervisorContent> = {
  name: "supervisor",
  title: "Supervised program",
  description: "A long-running program of yours (a worker, a queue consumer) that supervisord keeps running, with optional memory and health watchdogs.",
  editor: "form",
  language: null,
  defaultMode: "review",
  schema: contentSchema,
  starter: {
    name: "worker",
    command: "/srv/example/bin/worker",
    user: "app",
    autostart: true,
    autorestart: "unexpected",
    environment: {},
    memoryLimitMb: 512,
    healthUrl: null,
    healthTimeoutSeconds: 10,
  },
  policy: (content) => supervisorPolicy(content),
  explain: explainSupervisor,
  render: renderSupervisor,
  // supervisord has no check-only mode (it would start the programs), and it is not installed where
  // this was built; the file is written only from validated, escaped parts.
  stagedCheck: null,
  reload: ["supervisorctl", "update"],
};
