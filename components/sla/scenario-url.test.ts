import { describe, expect, it } from "vitest";
import { scenarioInput } from "@/server/sla/schemas";
import { decodeScenario, encodeScenario } from "./scenario-url";

describe("shared calculator links", () => {
  const defaults = scenarioInput.parse({});

  it("round-trips a scenario, non-ASCII names included, in URL-safe characters", () => {
    const scenario = scenarioInput.parse({
      locale: "de",
      target: { availability: 0.99, window: "year" },
      tiers: [
        { name: "Grundschutz Ä", availability: 0.995, support: "24x7", responseMinutes: 60, monthlyPrice: 100 },
        { name: "Geschäft ✓", availability: 0.999, support: "24x7", responseMinutes: 30, monthlyPrice: 500 },
      ],
    });
    const encoded = encodeScenario(scenario);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeScenario(encoded)).toEqual({ scenario, notice: null });
  });

  it("gives the defaults without a notice when there is no parameter", () => {
    expect(decodeScenario(undefined)).toEqual({ scenario: defaults, notice: null });
    expect(decodeScenario("")).toEqual({ scenario: defaults, notice: null });
    expect(decodeScenario([encodeScenario(defaults), "x"])).toEqual({ scenario: defaults, notice: null });
  });

  it("falls back to the defaults with a notice for a damaged link", () => {
    for (const broken of ["%%%", "abc", encodeScenario(defaults).slice(0, 40), "x".repeat(30_000)]) {
      const decoded = decodeScenario(broken);
      expect(decoded.scenario).toEqual(defaults);
      expect(decoded.notice).toMatch(/could not be read .* starts from the defaults/);
    }
  });

  it("says which value of a well-formed but invalid scenario is wrong", () => {
    const invalid = { ...defaults, target: { ...defaults.target, availability: 1 } };
    const json = Buffer.from(JSON.stringify(invalid)).toString("base64url");
    const decoded = decodeScenario(json);
    expect(decoded.scenario).toEqual(defaults);
    expect(decoded.notice).toContain("target.availability: Availability must be below 100 %");
  });
});
