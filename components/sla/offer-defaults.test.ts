import { describe, expect, it } from "vitest";
import { calendarMatching, firstOfNextMonth } from "./offer-defaults";

describe("firstOfNextMonth", () => {
  it("starts the month after today, across the year end", () => {
    expect(firstOfNextMonth(new Date(2026, 2, 15))).toBe("2026-04-01");
    expect(firstOfNextMonth(new Date(2026, 11, 31))).toBe("2027-01-01");
    expect(firstOfNextMonth(new Date(2026, 0, 31))).toBe("2026-02-01");
  });
});

describe("calendarMatching", () => {
  const weekdays = (start: number, end: number) => ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: start * 60, endMinute: end * 60 }));
  const calendars = [
    { id: "office", frames: weekdays(8, 18) },
    { id: "extended", frames: weekdays(7, 20) },
    { id: "always", frames: ([0, 1, 2, 3, 4, 5, 6] as const).map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })) },
  ];

  it("finds the calendar with the tier's support hours", () => {
    expect(calendarMatching(weekdays(7, 20), calendars)).toBe("extended");
    expect(calendarMatching([...weekdays(8, 18)].reverse(), calendars)).toBe("office");
    expect(calendarMatching("24x7", calendars)).toBe("always");
  });

  it("answers null when none matches", () => {
    expect(calendarMatching(weekdays(9, 17), calendars)).toBeNull();
  });
});
