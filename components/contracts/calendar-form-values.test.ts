import { describe, expect, it } from "vitest";
import { calendarFromForm, dayRowsOf, minuteOfDay } from "./calendar-form-values";

describe("calendar form values", () => {
  it("reads clock times, including midnight at the end of the day", () => {
    expect(minuteOfDay("08:00")).toBe(480);
    expect(minuteOfDay("7:30")).toBe(450);
    expect(minuteOfDay("24:00")).toBe(1440);
    for (const bad of ["24:01", "8", "08:60", "eight"]) expect(minuteOfDay(bad)).toBeNull();
  });

  it("turns open days into frames and says which day is wrong", () => {
    const rows = dayRowsOf([{ weekday: 1, startMinute: 480, endMinute: 1080 }]);
    expect(rows[1]).toEqual({ open: true, from: "08:00", to: "18:00" });
    expect(rows[6].open).toBe(false);
    const ok = calendarFromForm({ ...rows, 6: { open: true, from: "09:00", to: "13:00" } }, " Europe/Berlin ", "2027-01-01\n2027-12-25, 2027-12-26");
    expect(ok).toEqual({
      calendar: {
        timeZone: "Europe/Berlin",
        frames: [
          { weekday: 1, startMinute: 480, endMinute: 1080 },
          { weekday: 6, startMinute: 540, endMinute: 780 },
        ],
        holidays: ["2027-01-01", "2027-12-25", "2027-12-26"],
      },
    });
    expect(calendarFromForm({ ...rows, 2: { open: true, from: "18:00", to: "08:00" } }, "UTC", "")).toEqual({ problem: "Tuesday: the hours must end after they start." });
  });
});
