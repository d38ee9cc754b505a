import { describe, expect, it } from "vitest";
import type { WeeklyFrame } from "@/server/calendars/types";
import { annualServiceMinutes, averageServiceDayMinutes, serviceShare } from "./service-time";
import { AROUND_THE_CLOCK } from "./weekly-frames";
import { allowedDowntime, windowSeconds } from "./windows";

const monFri8to18: WeeklyFrame[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: 480, endMinute: 1080 }));
const weeksPerYear = 365.2425 / 7;

describe("service time", () => {
  it("is all the time for 24×7", () => {
    expect(serviceShare(AROUND_THE_CLOCK, 0, "365.2425d")).toBeCloseTo(1, 12);
  });

  it("is 50 of 168 hours for Mon–Fri 08–18", () => {
    expect(serviceShare(monFri8to18, 0, "365.2425d")).toBeCloseTo(50 / 168, 12);
    expect(annualServiceMinutes(monFri8to18, 0, "365.2425d")).toBeCloseTo(3000 * weeksPerYear, 6);
  });

  it("takes an average service day off per public holiday", () => {
    expect(averageServiceDayMinutes(monFri8to18)).toBe(600);
    expect(averageServiceDayMinutes([{ weekday: 1, startMinute: 0, endMinute: 600 }, { weekday: 6, startMinute: 0, endMinute: 200 }])).toBe(400);
    expect(averageServiceDayMinutes([])).toBe(0);
    expect(annualServiceMinutes(monFri8to18, 10, "365.2425d")).toBeCloseTo(3000 * weeksPerYear - 6000, 6);
    expect(annualServiceMinutes(monFri8to18, 1000, "365.2425d")).toBe(0);
  });

  it("allows (1 − A) × service time per window", () => {
    const share = serviceShare(monFri8to18, 0, "365.2425d");
    // 99 % of a 30-day month's Mon–Fri 08–18: 1 % of about 214 h.
    expect(allowedDowntime(0.99, windowSeconds("month", { month: { kind: "30d" }, year: "365.2425d" }) * share) / 3600).toBeCloseTo((0.01 * 720 * 50) / 168, 9);
  });
});
