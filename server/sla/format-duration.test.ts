import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

const unitSeconds: Record<string, number> = { d: 86_400, h: 3600, m: 60, s: 1 };

/** Reads an English text back into seconds, to check what it claims. */
function secondsIn(text: string): number {
  return [...text.matchAll(/([\d,]+) ([dhms])/g)].reduce((sum, [, count, unit]) => sum + Number(count?.replaceAll(",", "")) * (unitSeconds[unit ?? ""] ?? 0), 0);
}

describe("formatDuration", () => {
  it("shows the two largest units in English", () => {
    expect(formatDuration(315_569.52)).toBe("87 h 39 m");
    expect(formatDuration(2592)).toBe("43 m 12 s");
    expect(formatDuration(26_280)).toBe("7 h 18 m");
    expect(formatDuration(14_400)).toBe("4 h");
    expect(formatDuration(3601)).toBe("1 h");
    expect(formatDuration(59)).toBe("59 s");
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(0.4)).toBe("0 s");
    expect(formatDuration(1_000 * 3600)).toBe("1,000 h");
  });

  it("shows days for long durations when asked", () => {
    expect(formatDuration(315_569.52, "en", { largestUnit: "d" })).toBe("3 d 15 h");
    expect(formatDuration(315_569.52, "en", { largestUnit: "d", maxParts: 3 })).toBe("3 d 15 h 39 m");
    expect(formatDuration(3 * 86_400 + 39 * 60, "en", { largestUnit: "d", maxParts: 3 })).toBe("3 d 39 m");
    expect(formatDuration(2592, "en", { largestUnit: "d", maxParts: 3 })).toBe("43 m 12 s");
  });

  it("writes German the way invoices do", () => {
    expect(formatDuration(26_280, "de")).toBe("7 Std. 18 Min.");
    expect(formatDuration(2592, "de")).toBe("43 Min. 12 Sek.");
    expect(formatDuration(315_569.52, "de", { largestUnit: "d" })).toBe("3 Tg. 15 Std.");
    expect(formatDuration(1_000 * 3600, "de")).toBe("1.000 Std.");
    expect(formatDuration(0, "de")).toBe("0 Sek.");
  });

  it("floors to the smallest unit shown, ignoring float noise", () => {
    expect(formatDuration(3599.9)).toBe("59 m 59 s");
    expect(formatDuration(7 * 3600 + 18 * 60 + 59.99)).toBe("7 h 18 m");
    expect(formatDuration(2591.9999999999995)).toBe("43 m 12 s");
    expect(formatDuration(2592.0000000000023)).toBe("43 m 12 s");
  });

  it("writes every count as Intl writes it in each locale, with or without grouping", () => {
    const intl = { en: new Intl.NumberFormat("en-GB"), de: new Intl.NumberFormat("de-DE") };
    for (let hours = 1; hours <= 20_000; hours += 7) {
      expect(formatDuration(hours * 3600, "en", { maxParts: 1 })).toBe(`${intl.en.format(hours)} h`);
      expect(formatDuration(hours * 3600, "de", { maxParts: 1 })).toBe(`${intl.de.format(hours)} Std.`);
    }
  });

  it("rejects what is not a duration", () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("never claims more than the value, and loses less than its smallest unit", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e8, noNaN: true }), (seconds) => {
        const claimed = secondsIn(formatDuration(seconds));
        expect(claimed).toBeLessThanOrEqual(seconds + 0.001);
        const smallest = seconds >= 3600 ? 60 : 1;
        expect(seconds - claimed).toBeLessThan(smallest + 0.001);
      }),
      { numRuns: 200 },
    );
  });
});
