import { describe, expect, it } from "vitest";
import { calculateScenario } from "./scenario";
import { scenarioInput } from "./schemas";

describe("calculateScenario", () => {
  const demo = calculateScenario(scenarioInput.parse({}));

  it("turns the default input into a believable demo", () => {
    expect(demo.target).toMatchObject({ availability: 0.999, window: "month", serviceShare: 1 });
    expect(demo.target.allowedDowntime.text).toBe("43 m 49 s");
    expect(demo.downtimeByWindow.map((row) => [row.window, row.allowed.text])).toEqual([
      ["day", "1 m 26 s"],
      ["week", "10 m 4 s"],
      ["month", "43 m 49 s"],
      ["quarter", "2 h 11 m"],
      ["year", "8 h 45 m"],
    ]);
    expect([demo.monthConventions.min.text, demo.monthConventions.max.text]).toEqual(["40 m 19 s", "44 m 38 s"]);
    expect(demo.longestOutage.find((row) => row.window === "year")).toMatchObject({ longest: { seconds: 14_400, text: "4 h" }, limitedBy: "clause" });
    expect(demo.coverage.meetsTarget).toBe(true);
    expect(demo.cost).toMatchObject({ perHour: 1590, perIncident: 400 });
    expect(demo.tiers.rows.map((row) => row.name)).toEqual(["Basic", "Business", "Premium"]);
    expect(demo.tiers.bestValue).toBe("Business");
    expect(demo.credits.example).toMatchObject({ creditShare: 0.3, credit: 267 });
    expect(demo.credits.example.uncoveredCost).toBeGreaterThan(10 * demo.credits.example.credit);
  });

  it("writes the terms in both languages", () => {
    expect(demo.terms.en).toBe(
      "At most 43 m 49 s downtime per month, no single outage longer than 4 h, support Mon–Fri 08–18 except public holidays, urgent tickets answered within 30 minutes around the clock.",
    );
    expect(demo.terms.de).toBe(
      "Höchstens 43 Min. 49 Sek. Ausfallzeit pro Monat, kein einzelner Ausfall länger als 4 Std., Support Mo–Fr 08–18 außer an Feiertagen, dringende Tickets werden rund um die Uhr innerhalb von 30 Minuten beantwortet.",
    );
  });

  it("is deterministic", () => {
    expect(calculateScenario(scenarioInput.parse({}))).toEqual(demo);
    expect(JSON.stringify(calculateScenario(scenarioInput.parse({})))).toBe(JSON.stringify(demo));
  });

  it("counts a service-time SLA's downtime only in service hours, and speaks German", () => {
    const weekdays = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: 480, endMinute: 1080 }));
    const result = calculateScenario(
      scenarioInput.parse({ locale: "de", target: { availability: 0.99, window: "year" }, serviceHours: { hours: weekdays, holidaysPerYear: 0 } }),
    );
    expect(result.target.serviceShare).toBeCloseTo(50 / 168, 12);
    expect(result.target.allowedDowntime.seconds).toBeCloseTo(0.01 * 365.2425 * 86_400 * (50 / 168), 6);
    expect(result.target.allowedDowntime.text).toBe("26 Std. 5 Min.");
    expect(result.terms.en).toContain("per year within service hours");
  });

  it("handles a real calendar month", () => {
    const february = calculateScenario(scenarioInput.parse({ target: { availability: 0.999, monthConvention: { kind: "calendar", year: 2025, month: 2 } } }));
    expect(february.target.allowedDowntime.text).toBe("40 m 19 s");
  });

  it("stays fast", () => {
    const input = scenarioInput.parse({});
    const started = performance.now();
    for (let i = 0; i < 200; i++) calculateScenario(input);
    // A generous bound for a shared CI machine; a run takes well under a millisecond.
    expect((performance.now() - started) / 200).toBeLessThan(5);
  });
});
