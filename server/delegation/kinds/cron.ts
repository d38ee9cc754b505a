import { z } from "zod";
import type { SnippetContext, SnippetKind, ValidationIssue } from "../kind";
import { controlCharacters } from "./control-characters";
import { explainSchedule, parseSchedule, shortestIntervalMinutes } from "./cron-schedule";
import { snippetFileStem } from "./host-file-name";
import { error, warning } from "./issue";
import { serviceUsers } from "./service-users";

/** Accounts a customer's cron job may run as. */
export const cronUsers = serviceUsers;
/** The shortest time allowed between two runs of one job: more often is a daemon, and belongs in supervisor. */
export const cronMinimumIntervalMinutes = 5;
export const cronMaxEntries = 50;
export const cronMaxCommandLength = 1000;

const entrySchema = z.object({
  schedule: z.string().max(200),
  command: z.string().max(cronMaxCommandLength * 4),
  // Any string here, so a wrong account gets the policy's plain sentence rather than a schema error.
  runAs: z.string().max(64),
});
export type CronEntry = z.infer<typeof entrySchema>;
export type CronContent = { entries: CronEntry[] };

export const cronFilePath = (context: SnippetContext) => `etc/cron.d/hostdesk-${snippetFileStem(context)}`;

function entryIssues(entry: CronEntry, n: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const label = `Job ${n}`;
  const parsed = parseSchedule(entry.schedule);
  if (!parsed.ok) {
    issues.push(error(null, `${label}: ${parsed.message}.`));
  } else {
    const interval = shortestIntervalMinutes(parsed.fields);
    if (interval < cronMinimumIntervalMinutes) {
      issues.push(
        error(null, `${label}: "${parsed.schedule}" runs ${interval === 1 ? "every minute" : `${interval} minutes apart`}; jobs may run at most every ${cronMinimumIntervalMinutes} minutes (use a supervisor program for work that never stops).`),
      );
    }
  }
  const command = entry.command.trim();
  if (command === "") issues.push(error(null, `${label}: the command is empty; say what to run.`));
  else if (controlCharacters.test(entry.command)) issues.push(error(null, `${label}: the command must be one line, without newlines, tabs or other control characters.`));
  else if (entry.command.length > cronMaxCommandLength) issues.push(error(null, `${label}: the command is longer than ${cronMaxCommandLength} characters; put it in a script under your directory and run that.`));
  else if (/^(sudo|su|doas)\b/.test(command)) issues.push(error(null, `${label}: do not switch users in the command; choose the account with "run as".`));
  if (!(cronUsers as readonly string[]).includes(entry.runAs)) {
    issues.push(error(null, `${label}: jobs run as ${cronUsers.join(" or ")}, not "${entry.runAs}".`));
  }
  return issues;
}

function cronPolicy(content: CronContent): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (content.entries.length > cronMaxEntries) issues.push(error(null, `At most ${cronMaxEntries} jobs per snippet; split them across snippets.`));
  const seen = new Map<string, number>();
  content.entries.forEach((entry, i) => {
    issues.push(...entryIssues(entry, i + 1));
    const key = `${entry.schedule.trim().split(/\s+/).join(" ")}\u0000${entry.command.trim()}\u0000${entry.runAs}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push(warning(null, `Job ${i + 1} repeats job ${first}: it would run twice at the same time.`));
    else seen.set(key, i + 1);
  });
  return issues;
}

function explainCron(content: CronContent): string[] {
  if (content.entries.length === 0) return ["No jobs."];
  return content.entries.map((entry) => {
    const parsed = parseSchedule(entry.schedule);
    const when = parsed.ok ? explainSchedule(parsed) : `on an invalid schedule ("${entry.schedule}")`;
    return `Runs ${entry.command.trim()} as ${entry.runAs} ${when}, in the VM's time zone.`;
  });
}

/**
 * In a crontab command an unescaped `%` ends the command and starts its standard input, which
 * would silently cut a `date +%F` in half; escaping keeps the command as the customer wrote it.
 */
const cronCommand = (command: string) => command.trim().replace(/%/g, "\\%");

function renderCron(content: CronContent, context: SnippetContext) {
  const lines = [
    `# Cron jobs of ${context.orgSlug} (snippet ${context.snippetSlug}), written by Hostdesk; edits made here are overwritten.`,
    "SHELL=/bin/sh",
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  ];
  for (const entry of content.entries) {
    const parsed = parseSchedule(entry.schedule);
    const schedule = parsed.ok ? parsed.schedule : entry.schedule.trim().split(/\s+/).join(" ");
    if (parsed.ok) lines.push(`# ${explainSchedule(parsed)}`);
    lines.push(`${schedule} ${entry.runAs} ${cronCommand(entry.command)}`);
  }
  // cron ignores a last line without its newline.
  return [{ path: cronFilePath(context), content: `${lines.join("\n")}\n`, mode: 0o644 }];
}

export const cronKind: SnippetKind<CronContent> = {
  name: "cron",
  title: "Scheduled jobs",
  description: "Commands that run on a schedule, such as nightly backups or cache cleaning, as your application's account.",
  editor: "form",
  language: null,
  defaultMode: "review",
  schema: z.object({ entries: z.array(entrySchema).max(cronMaxEntries * 2) }),
  starter: { entries: [{ schedule: "15 3 * * *", command: "/srv/example/bin/nightly-cleanup", runAs: "app" }] },
  policy: (content) => cronPolicy(content),
  explain: explainCron,
  render: renderCron,
  // No tool checks a cron.d file without installing it; the schedule is parsed here the way cron
  // reads it, and each line is written from validated parts, so the schema and policy are the check.
  stagedCheck: null,
  // cron re-reads /etc/cron.d when a file there changes; there is nothing to reload.
  reload: null,
};
