import { describe, expect, it } from "vitest";
import type { WeeklyFrame } from "@/server/calendars/types";
import { formatWeeklyHours } from "./format-weekly-hours";
import { type SlaTerms, termsText } from "./terms";
import { AROUND_THE_CLOCK } from "./weekly-frames";
import { allowedDowntime, windowSeconds } from "./windows";

const weekdays = (start: number, end: number): WeeklyFrame[] => ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: start, endMinute: end }));

const example: SlaTerms = {
  allowedDowntimeSeconds: allowedDowntime(0.99, windowSeconds("month", { month: { kind: "730h" }, year: "365.2425d" })),
  window: "month",
  countedInServiceHoursOnly: false,
  maxSingleOutageSeconds: 4 * 3600,
  supportFrames: weekdays(480, 1080),
  supportExceptHolidays: true,
  urgentResponseMinutes: 30,
  urgentResponseAroundTheClock: true,
};

describe("terms in plain language", () => {
  it("reads the example in English", () => {
    expect(termsText(example, "en")).toBe(
      "At most 7 h 18 m downtime per month, no single outage longer than 4 h, support Mon–Fri 08–18 except public holidays, urgent tickets answered within 30 minutes around the clock.",
    );
  });

  it("reads the example in German", () => {
    expect(termsText(example, "de")).toBe(
      "Höchstens 7 Std. 18 Min. Ausfallzeit pro Monat, kein einzelner Ausfall länger als 4 Std., Support Mo–Fr 08–18 außer an Feiertagen, dringende Tickets werden rund um die Uhr innerhalb von 30 Minuten beantwortet.",
    );
  });

  it("says around the clock once for 24×7 support, and leaves out a missing clause", () => {
    const allDay = { ...example, supportFrames: AROUND_THE_CLOCK, maxSingleOutageSeconds: null, urgentResponseMinutes: 60 };
    expect(termsText(allDay, "en")).toBe("At most 7 h 18 m downtime per month, support around the clock, urgent tickets answered within 1 hour.");
    expect(termsText(allDay, "de")).toBe("Höchstens 7 Std. 18 Min. Ausfallzeit pro Monat, Support rund um die Uhr, dringende Tickets werden innerhalb von 1 Stunde beantwortet.");
  });

  it("limits responses to support hours without on-call, and names a service-time SLA", () => {
    const officeOnly = { ...example, urgentResponseAroundTheClock: false, countedInServiceHoursOnly: true, window: "year" as const, urgentResponseMinutes: 240 };
    expect(termsText(officeOnly, "en")).toBe(
      "At most 7 h 18 m downtime per year within service hours, no single outage longer than 4 h, support Mon–Fri 08–18 except public holidays, urgent tickets answered within 4 hours during support hours.",
    );
    expect(termsText(officeOnly, "de")).toBe(
      "Höchstens 7 Std. 18 Min. Ausfallzeit pro Jahr innerhalb der Servicezeiten, kein einzelner Ausfall länger als 4 Std., Support Mo–Fr 08–18 außer an Feiertagen, dringende Tickets werden während der Supportzeiten innerhalb von 4 Stunden beantwortet.",
    );
  });
});

describe("weekly hours, compactly", () => {
  it("groups consecutive days with the same hours", () => {
    const frames = [...weekdays(420, 1200), { weekday: 6 as const, startMinute: 540, endMinute: 780 }];
    expect(formatWeeklyHours(frames, "en")).toBe("Mon–Fri 07–20 and Sat 09–13");
    expect(formatWeeklyHours(frames, "de")).toBe("Mo–Fr 07–20 und Sa 09–13");
  });

  it("shows split days, half hours, midnight and the week from Monday", () => {
    const frames: WeeklyFrame[] = [
      { weekday: 0, startMinute: 0, endMinute: 1440 },
      { weekday: 1, startMinute: 450, endMinute: 720 },
      { weekday: 1, startMinute: 780, endMinute: 1020 },
      { weekday: 3, startMinute: 450, endMinute: 720 },
      { weekday: 3, startMinute: 780, endMinute: 1020 },
    ];
    expect(formatWeeklyHours(frames, "en")).toBe("Mon 07:30–12/13–17 and Wed 07:30–12/13–17 and Sun 00–24");
  });

  it("says around the clock for 24×7", () => {
    expect(formatWeeklyHours(AROUND_THE_CLOCK, "en")).toBe("around the clock");
    expect(formatWeeklyHours(AROUND_THE_CLOCK, "de")).toBe("rund um die Uhr");
  });
});
