/** A weekday as JavaScript's Date numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * One stretch of service time on a weekday, in local wall-clock minutes after midnight
 * (08:00–18:00 is 480–1080). `endMinute` may be 1440 (midnight at the end of the day).
 */
export type WeeklyFrame = { weekday: Weekday; startMinute: number; endMinute: number };

/**
 * When a service is staffed or counted: weekly frames in a time zone, minus public holidays.
 * 24×7 is one frame of 0–1440 on every weekday and no holidays.
 */
export type BusinessCalendar = {
  /** An IANA zone, e.g. "Europe/Berlin". Frames are local wall-clock time there. */
  timeZone: string;
  frames: WeeklyFrame[];
  /** Local dates (YYYY-MM-DD) on which no frame applies. */
  holidays: string[];
};
