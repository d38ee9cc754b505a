import { describe, expect, it } from "vitest";
import type { SnippetContext } from "../kind";
import { cronKind, cronMinimumIntervalMinutes, cronUsers, type CronEntry } from "./cron";
import { explainSchedule, parseSchedule, shortestIntervalMinutes } from "./cron-schedule";

const context: SnippetContext = { orgSlug: "acme", snippetSlug: "backups", environment: "production" };
const job = (over: Partial<CronEntry>): CronEntry => ({ schedule: "15 3 * * *", command: "/srv/acme/bin/backup", runAs: "app", ...over });
const errorsOf = (entries: CronEntry[]) => cronKind.policy({ entries }, context).filter((i) => i.severity === "error");

const bad: [string, CronEntry[], RegExp][] = [
  ["every minute", [job({ schedule: "* * * * *" })], /Job 1: "\* \* \* \* \*" runs every minute; jobs may run at most every 5 minutes/],
  ["every two minutes", [job({ schedule: "*/2 * * * *" })], /runs 2 minutes apart/],
  ["a minute apart across midnight", [job({ schedule: "0,59 0,23 * * *" })], /runs every minute/],
  ["@reboot", [job({ schedule: "@reboot" })], /Job 1: @reboot is not allowed/],
  ["a macro", [job({ schedule: "@daily" })], /write @daily as five fields: "0 0 \* \* \*"/],
  ["six fields (seconds)", [job({ schedule: "0 15 3 * * *" })], /five fields .* this one has 6/],
  ["cron-parser-only syntax", [job({ schedule: "0 3 L * *" })], /day of month field "L" uses syntax cron does not read/],
  ["an out-of-range minute", [job({ schedule: "61 3 * * *" })], /not a valid schedule/],
  ["a newline in the command", [job({ command: "/bin/true\n* * * * * root /bin/sh" })], /command must be one line/],
  ["an empty command", [job({ command: "   " })], /the command is empty/],
  ["root", [job({ runAs: "root" })], /Job 1: jobs run as app or www-data, not "root"/],
  ["sudo", [job({ command: "sudo /srv/acme/bin/backup" })], /do not switch users/],
  ["a very long command", [job({ command: `/bin/echo ${"x".repeat(1000)}` })], /longer than 1000 characters/],
  ["too many jobs", Array.from({ length: 51 }, (_, i) => job({ command: `/srv/acme/bin/job${i}` })), /At most 50 jobs/],
  ["the second job's problem", [job({}), job({ schedule: "*/3 * * * *" })], /^Job 2:/],
];

describe("cron kind: policy corpus", () => {
  for (const [name, entries, message] of bad) {
    it(`refuses ${name}`, () => {
      const errors = errorsOf(entries);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.line).toBeNull();
      expect(errors[0]!.message).toMatch(message);
    });
  }

  const good: [string, CronEntry[]][] = [
    ["a nightly job", [job({})]],
    ["every five minutes (the limit)", [job({ schedule: "*/5 * * * *" })]],
    ["weekdays as www-data with names", [job({ schedule: "30 2 * * mon", runAs: "www-data" }), job({ schedule: "0 9 * jan *", command: "date +%F >> /srv/acme/log" })]],
    ["no jobs at all", []],
    ["ranges and lists", [job({ schedule: "0 8-18/2 1,15 * *" })]],
  ];
  for (const [name, entries] of good) {
    it(`accepts ${name}`, () => {
      expect(errorsOf(entries)).toEqual([]);
    });
  }

  it("warns about a job listed twice", () => {
    const issues = cronKind.policy({ entries: [job({}), job({ schedule: " 15  3 * * * " })] }, context);
    expect(issues).toEqual([{ line: null, severity: "warning", message: "Job 2 repeats job 1: it would run twice at the same time." }]);
  });

  it("names its limits", () => {
    expect(cronMinimumIntervalMinutes).toBe(5);
    expect(cronUsers).toEqual(["app", "www-data"]);
  });
});

describe("cron schedules in words", () => {
  const words = (schedule: string) => {
    const parsed = parseSchedule(schedule);
    if (!parsed.ok) throw new Error(parsed.message);
    return explainSchedule(parsed);
  };
  it.each([
    ["15 3 * * *", "every day at 03:15"],
    ["*/15 * * * *", "every 15 minutes"],
    ["30 2 * * 1", "at 02:30 on Mondays"],
    ["30 2 * * mon", "at 02:30 on Mondays"],
    ["0 6 * * 1-5", "at 06:00 on weekdays"],
    ["0 6 * * 0,6", "at 06:00 on weekends"],
    ["0 6 * * 7", "at 06:00 on Sundays"],
    ["0 * * * *", "every hour, on the hour"],
    ["20 * * * *", "every hour at 20 minutes past"],
    ["0 4 1 * *", "at 04:00 on the 1st of the month"],
    ["0 0,12 * * *", "every day at 00:00 and 12:00"],
    ["0 5 1 1,7 *", "at 05:00 on the 1st of the month in January and July"],
    ["7,19,31,43 */2 * * *", 'on the cron schedule "7,19,31,43 */2 * * *"'],
  ])("%s → %s", (schedule, expected) => {
    expect(words(schedule)).toBe(expected);
  });

  it("measures the shortest gap between runs", () => {
    const gap = (s: string) => {
      const parsed = parseSchedule(s);
      if (!parsed.ok) throw new Error(parsed.message);
      return shortestIntervalMinutes(parsed.fields);
    };
    expect(gap("15 3 * * *")).toBe(1440);
    expect(gap("*/10 * * * *")).toBe(10);
    expect(gap("0,30 9 * * *")).toBe(30);
    expect(gap("59 23 * * *")).toBe(1440);
  });
});

describe("cron kind: rendering", () => {
  it("writes a cron.d file cron will read", () => {
    const [file] = cronKind.render({ entries: [job({}), job({ schedule: "*/15  *  * * *", command: "date +%F > /srv/acme/today", runAs: "www-data" })] }, context);
    expect(file).toEqual({
      path: "etc/cron.d/hostdesk-acme-backups",
      mode: 0o644,
      content: [
        "# Cron jobs of acme (snippet backups), written by Hostdesk; edits made here are overwritten.",
        "SHELL=/bin/sh",
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "# every day at 03:15",
        "15 3 * * * app /srv/acme/bin/backup",
        "# every 15 minutes",
        "*/15 * * * * www-data date +\\%F > /srv/acme/today",
        "",
      ].join("\n"),
    });
  });

  it("has no staged check and no reload", () => {
    expect(cronKind.stagedCheck).toBeNull();
    expect(cronKind.reload).toBeNull();
  });

  it("explains each job", () => {
    expect(cronKind.explain({ entries: [job({})] })).toEqual(["Runs /srv/acme/bin/backup as app every day at 03:15, in the VM's time zone."]);
  });
});
