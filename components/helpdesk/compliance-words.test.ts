import { describe, expect, it } from "vitest";
import type { MonthOfService } from "@/server/helpdesk/compliance";
import { complianceSummary, durationInWords, durationShort, monthName, monthSentence, monthShare, percentMet, periodSentence } from "./compliance-words";

const month = (over: Partial<MonthOfService> = {}): MonthOfService => ({
  month: "2026-11",
  tickets: 10,
  firstResponses: 10,
  firstResponsesMet: 9,
  resolutions: 10,
  resolutionsMet: 9,
  medianFirstResponseMinutes: 42,
  ...over,
});
const empty = (m: string) => month({ month: m, tickets: 0, firstResponses: 0, firstResponsesMet: 0, resolutions: 0, resolutionsMet: 0, medianFirstResponseMinutes: null });

describe("percent of first answers in time", () => {
  it("rounds down, so one late answer never reads 100 %", () => {
    expect(percentMet(9, 10)).toBe(90);
    expect(percentMet(2, 3)).toBe(66);
    expect(percentMet(199, 200)).toBe(99);
    expect(percentMet(5, 5)).toBe(100);
  });

  it("has nothing to say without answers, and a month without tickets says so instead of 0 %", () => {
    expect(percentMet(0, 0)).toBeNull();
    expect(monthShare(empty("2026-09"))).toBe("No tickets");
    expect(monthShare(month({ firstResponses: 0, firstResponsesMet: 0 }))).toBe("Not answered yet");
    expect(monthShare(month({ firstResponses: 3, firstResponsesMet: 0 }))).toBe("0 %");
    expect(monthShare(month())).toBe("90 %");
  });
});

describe("durations in words", () => {
  it("spells out the shared duration format", () => {
    expect(durationInWords(42)).toBe("42 minutes");
    expect(durationInWords(1)).toBe("1 minute");
    expect(durationInWords(60)).toBe("1 hour");
    expect(durationInWords(65)).toBe("1 hour 5 minutes");
    expect(durationInWords(24 * 60 + 61)).toBe("1 day 1 hour");
    expect(durationInWords(0)).toBe("less than a minute");
    expect(durationShort(65)).toBe("1 h 5 m");
    expect(durationShort(0)).toBe("under 1 m");
  });
});

describe("the summary", () => {
  it("names the month, the share in time and the median, in plain words", () => {
    expect(monthName("2026-11")).toBe("November 2026");
    expect(monthSentence(month(), true)).toBe("In November 2026, 9 of 10 first answers came within the agreed time; half of all first answers came within 42 minutes.");
    expect(monthSentence(month({ firstResponsesMet: 10, medianFirstResponseMinutes: 65 }), false)).toBe(
      "In November 2026, all 10 first answers came within our standard times; half of all first answers came within 1 hour 5 minutes.",
    );
    expect(monthSentence(month({ firstResponsesMet: 0 }), true)).toMatch(/^In November 2026, none of the 10 first answers came within the agreed time;/);
  });

  it("says 'no tickets' rather than 0 %, and speaks of a single answer as one", () => {
    expect(monthSentence(empty("2026-09"), true)).toBe("There were no tickets in September 2026.");
    expect(monthSentence(month({ tickets: 2, firstResponses: 0, firstResponsesMet: 0, medianFirstResponseMinutes: null }), true)).toBe(
      "In November 2026, 2 tickets came in, with no first answer to measure yet.",
    );
    expect(monthSentence(month({ tickets: 1, firstResponses: 1, firstResponsesMet: 1, medianFirstResponseMinutes: 25 }), true)).toBe(
      "In November 2026, the one first answer came within the agreed time, after 25 minutes.",
    );
    expect(monthSentence(month({ tickets: 1, firstResponses: 1, firstResponsesMet: 0, medianFirstResponseMinutes: 180 }), true)).toBe(
      "In November 2026, the one first answer came later than the agreed time, after 3 hours.",
    );
  });

  it("speaks of the last full month, then of the whole period", () => {
    const months = [empty("2026-06"), month({ month: "2026-07", firstResponses: 5, firstResponsesMet: 3 }), month({ month: "2026-08" }), month({ month: "2026-09", tickets: 2, firstResponses: 2, firstResponsesMet: 2 })];
    expect(periodSentence(months, true)).toBe("Over the last 4 months, 14 of 17 first answers came within the agreed time (82 %).");
    expect(complianceSummary(months, true)[0]).toMatch(/^In August 2026, 9 of 10/);
    expect(periodSentence([empty("2026-06")], true)).toBe("This month, there were no first answers to measure.");
  });
});
