import { z } from "zod";
import type { BusinessCalendar, Weekday, WeeklyFrame } from "./types";
import { dayNumberOfDate } from "./zoned-time";

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ALL_WEEKDAYS: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

const timeZoneSchema = z
  .string()
  .min(1, { error: "Choose a time zone.", abort: true })
  .refine(isTimeZone, { error: (issue) => `“${String(issue.input)}” is not a known time zone; use an IANA name such as Europe/Berlin.` });

const frameSchema = z
  .object({
    weekday: z.literal(ALL_WEEKDAYS, { error: "Weekday must be 0 (Sunday) to 6 (Saturday)." }),
    startMinute: z
      .number()
      .int("Service hours must start on a whole minute.")
      .min(0, "Service hours cannot start before 00:00.")
      .max(1439, "Service hours must start by 23:59."),
    endMinute: z
      .number()
      .int("Service hours must end on a whole minute.")
      .min(1, "Service hours must end after 00:00.")
      .max(1440, "Service hours end at 24:00 at the latest."),
  })
  .refine((frame) => frame.startMinute < frame.endMinute, {
    error: "Service hours must end after they start.",
    path: ["endMinute"],
  });

const framesSchema = z
  .array(frameSchema)
  // Aborting spares a hundred overlap messages when someone pastes far too many frames.
  .max(100, { error: "Use at most 100 frames of service hours.", abort: true })
  .superRefine((frames, ctx) => {
    // Frames that failed their own checks were reported already; comparing them adds noise.
    const valid = frames.filter((frame) => frame.startMinute < frame.endMinute);
    valid.forEach((frame, index) => {
      const clash = valid.find(
        (other, otherIndex) =>
          otherIndex < index &&
          other.weekday === frame.weekday &&
          other.startMinute < frame.endMinute &&
          frame.startMinute < other.endMinute,
      );
      if (!clash) return;
      ctx.addIssue({
        code: "custom",
        message:
          `Service hours on ${WEEKDAY_NAMES[frame.weekday]} overlap: ` +
          `${clock(clash.startMinute)}–${clock(clash.endMinute)} and ${clock(frame.startMinute)}–${clock(frame.endMinute)}.`,
        path: [frames.indexOf(frame)],
      });
    });
  });

const holidaySchema = z
  .string()
  .refine((date) => !Number.isNaN(dayNumberOfDate(date)), {
    error: (issue) => `“${String(issue.input)}” is not a valid date; use YYYY-MM-DD, e.g. 2026-12-25.`,
  });

const holidaysSchema = z
  .array(holidaySchema)
  .max(500, "Use at most 500 holidays.")
  // ISO dates sort chronologically as strings.
  .transform((dates) => [...new Set(dates)].sort());

/** A business calendar as stored and accepted from forms; holidays come out deduplicated and sorted. */
export const businessCalendarSchema = z.object({
  timeZone: timeZoneSchema,
  frames: framesSchema,
  holidays: holidaysSchema,
}) satisfies z.ZodType<BusinessCalendar>;

/** Service around the clock, every day of the year. */
export function calendar24x7(timeZone = "UTC"): BusinessCalendar {
  return businessCalendarSchema.parse({
    timeZone,
    frames: ALL_WEEKDAYS.map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
    holidays: [],
  });
}

/** The same hours on the given weekdays (Monday–Friday by default), e.g. 8 to 18; throws ZodError if invalid. */
export function weekdayHours(
  timeZone: string,
  startHour: number,
  endHour: number,
  weekdays: Weekday[] = [1, 2, 3, 4, 5],
  holidays: string[] = [],
): BusinessCalendar {
  const frames: WeeklyFrame[] = weekdays.map((weekday) => ({ weekday, startMinute: startHour * 60, endMinute: endHour * 60 }));
  return businessCalendarSchema.parse({ timeZone, frames, holidays });
}
