import { describe, expect, it } from "vitest";
import { formatPercent, fractionToPercentText, parseNumberText, parsePercentText, percentMessage } from "./number-text";

describe("parseNumberText", () => {
  it("reads plain numbers and ignores spaces", () => {
    expect(parseNumberText("42")).toEqual({ ok: true, value: 42 });
    expect(parseNumberText(" 2 000 ")).toEqual({ ok: true, value: 2000 });
    expect(parseNumberText(".5")).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberText("-3")).toEqual({ ok: true, value: -3 });
  });

  it("says what is wrong instead of guessing", () => {
    expect(parseNumberText("")).toEqual({ ok: false, message: "Enter a number, e.g. 12." });
    expect(parseNumberText("abc")).toEqual({ ok: false, message: "Enter a number, e.g. 12." });
    expect(parseNumberText("99,9")).toEqual({ ok: false, message: "Use a point for decimals: 99.9." });
    expect(parseNumberText("2,000").ok).toBe(false);
    expect(parseNumberText("1e3").ok).toBe(false);
  });
});

describe("percentages", () => {
  it("turns typed percentages into exact fractions", () => {
    expect(parsePercentText("99.9")).toEqual({ ok: true, value: 0.999 });
    expect(parsePercentText("99.99 %")).toEqual({ ok: true, value: 0.9999 });
    expect(parsePercentText("99")).toEqual({ ok: true, value: 0.99 });
    expect(parsePercentText("abc")).toEqual({ ok: false, message: "Enter a percentage, e.g. 99.9." });
  });

  it("writes fractions back as the percentages that were typed", () => {
    expect(["0.999", "0.9995", "0.6", "0.995", "0.99999"].map((f) => fractionToPercentText(Number(f)))).toEqual(["99.9", "99.95", "60", "99.5", "99.999"]);
  });

  it("floors for reading and never rounds a promise up", () => {
    expect(formatPercent(0.999)).toBe("99.9 %");
    expect(formatPercent(0.99876)).toBe("99.876 %");
    expect(formatPercent(0.999999)).toBe("99.999 %");
    expect(formatPercent(0.5, 0)).toBe("50 %");
  });

  it("speaks the schema's fraction messages in percent", () => {
    expect(percentMessage("Availability must be below 1 (100 %): no service can promise that it is never down.")).toBe(
      "Availability must be below 100 %: no service can promise that it is never down.",
    );
    expect(percentMessage("The credit share must be a number from 0 to 1 (0.5 for 50 %).")).toBe("The credit share must be a percentage from 0 to 100.");
    expect(percentMessage("Availability must be above 0.")).toBe("Availability must be above 0 %.");
    expect(percentMessage("Name the tier.")).toBe("Name the tier.");
  });
});
