import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";
import { checkOutages, longestOutagePerWindow } from "./outage";
import { allowedDowntime, windowSeconds } from "./windows";

const HOUR = 3600;
const inDays = (seconds: number) => formatDuration(seconds, "en", { largestUnit: "d", maxParts: 3 });

describe("the longest single outage a window allows", () => {
  it("is the whole budget: 99 % a year allows one outage of 3 d 15 h 39 m, per month 7 h 18 m", () => {
    const rows = longestOutagePerWindow(0.99);
    const year = rows.find((row) => row.window === "year");
    const month = rows.find((row) => row.window === "month");
    expect(inDays(year?.longestSeconds ?? 0)).toBe("3 d 15 h 39 m");
    expect(year?.limitedBy).toBe("budget");
    expect(formatDuration(month?.longestSeconds ?? 0)).toBe("7 h 18 m");
  });

  it("is capped by a single-outage clause where that is tighter", () => {
    const rows = longestOutagePerWindow(0.99, { maxSingleOutageSeconds: 4 * HOUR });
    expect(rows.map((row) => [row.window, row.limitedBy])).toEqual([
      ["day", "budget"],
      ["week", "budget"],
      ["month", "clause"],
      ["quarter", "clause"],
      ["year", "clause"],
    ]);
    expect(rows.find((row) => row.window === "year")?.longestSeconds).toBe(4 * HOUR);
    expect(rows.find((row) => row.window === "year")?.budgetSeconds).toBeCloseTo(allowedDowntime(0.99, windowSeconds("year")), 6);
  });

  it("shrinks with a service-time share", () => {
    const [day] = longestOutagePerWindow(0.99, { serviceShare: 0.5 });
    expect(day?.budgetSeconds).toBeCloseTo(0.01 * 43_200, 9);
  });
});

describe("checkOutages", () => {
  const terms = { allowedDowntimeSeconds: 7 * HOUR, maxSingleOutageSeconds: 4 * HOUR };

  it("passes outages within both clauses, limits included", () => {
    expect(checkOutages([4 * HOUR, 3 * HOUR], terms)).toEqual({ breached: false, totalSeconds: 7 * HOUR, breaches: [] });
    expect(checkOutages([], terms).breached).toBe(false);
  });

  it("names each outage over the single-outage limit", () => {
    const check = checkOutages([HOUR, 5 * HOUR], terms);
    expect(check.breached).toBe(true);
    expect(check.breaches).toEqual([{ clause: "single-outage", outageIndex: 1, seconds: 5 * HOUR, limitSeconds: 4 * HOUR }]);
  });

  it("names a spent budget even when every outage is short", () => {
    const check = checkOutages([3 * HOUR, 3 * HOUR, 3 * HOUR], terms);
    expect(check.breaches).toEqual([{ clause: "downtime-budget", totalSeconds: 9 * HOUR, limitSeconds: 7 * HOUR }]);
  });

  it("lists both clauses when both are broken, and ignores a missing clause", () => {
    expect(checkOutages([8 * HOUR], terms).breaches.map((breach) => breach.clause)).toEqual(["single-outage", "downtime-budget"]);
    expect(checkOutages([6 * HOUR], { ...terms, maxSingleOutageSeconds: null }).breached).toBe(false);
  });
});
