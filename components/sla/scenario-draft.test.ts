import { describe, expect, it } from "vitest";
import { scenarioInput } from "@/server/sla/schemas";
import { checkDraft, draftFromInput, errorWithin, hoursDraftOf, hoursFromDraft, labelOfKey, nextTier, weekdayRange, type ScenarioDraft } from "./scenario-draft";

const defaults = scenarioInput.parse({});
const edit = (change: (draft: ScenarioDraft) => void): ScenarioDraft => {
  const draft = structuredClone(draftFromInput(defaults));
  change(draft);
  return draft;
};

describe("the calculator's draft", () => {
  it("round-trips the defaults unchanged", () => {
    const draft = draftFromInput(defaults);
    expect(draft.target.availability).toBe("99.9");
    expect(draft.tiers.map((t) => [t.name, t.availability])).toEqual([
      ["Basic", "99.5"],
      ["Business", "99.9"],
      ["Premium", "99.95"],
    ]);
    expect(checkDraft(draft)).toEqual({ input: defaults, errors: null });
  });

  it("round-trips a scenario with a calendar month, custom frames, no clause and hourly weights", () => {
    const scenario = scenarioInput.parse({
      target: { availability: 0.9999, window: "quarter", monthConvention: { kind: "calendar", year: 2027, month: 2 }, maxSingleOutageMinutes: null },
      serviceHours: { hours: [{ weekday: 1, startMinute: 480, endMinute: 720 }, { weekday: 1, startMinute: 780, endMinute: 1080 }], holidaysPerYear: 9 },
      cost: { hourlyWeights: Array.from({ length: 24 }, (_, h) => (h < 7 ? 0.2 : 1)) },
    });
    expect(checkDraft(draftFromInput(scenario))).toEqual({ input: scenario, errors: null });
  });

  it("reads percentages typed as the AM says them", () => {
    const check = checkDraft(edit((d) => ((d.target.availability = "99"), (d.target.window = "year"))));
    expect(check.input?.target).toMatchObject({ availability: 0.99, window: "year" });
  });

  it("keys every problem by the field it belongs to, in percent words", () => {
    const check = checkDraft(
      edit((d) => {
        d.target.availability = "100";
        d.tiers[1]!.availability = "abc";
        d.coverage.support = { mode: "weekly", fromDay: 1, toDay: 5, fromHour: "18", toHour: "8" };
        d.cost.revenueImpactShare = "150";
        d.credits.exampleOutageMinutes = "";
      }),
    );
    expect(check.input).toBeNull();
    expect(check.errors).toMatchObject({
      "target.availability": "Availability must be below 100 %: no service can promise that it is never down.",
      "tiers.1.availability": "Enter a percentage, e.g. 99.9.",
      "cost.revenueImpactShare": "The revenue impact share must be a percentage from 0 to 100.",
      "credits.exampleOutageMinutes": "Enter a number, e.g. 12.",
    });
    expect(errorWithin(check.errors, "coverage.support")).toBe("A frame must end after it starts.");
    expect(errorWithin(check.errors, "tiers.1")).toBe("Enter a percentage, e.g. 99.9.");
    expect(checkDraft(edit((d) => (d.tiers[2]!.name = "Basic"))).errors).toEqual({ tiers: "Give every tier its own name." });
  });

  it("names fields for the list of problems", () => {
    const draft = draftFromInput(defaults);
    expect(labelOfKey("tiers.1.availability", draft)).toBe("Tier 2 (Business): availability");
    expect(labelOfKey("coverage.support.0.endMinute", draft)).toBe("Support hours");
    expect(labelOfKey("credits.tiers.0.creditShare", draft)).toBe("Credit tier 1: credit");
    expect(labelOfKey("target.monthConvention.year", draft)).toBe("Calendar year");
  });

  it("adds tiers under names of their own", () => {
    const draft = draftFromInput(defaults);
    const added = nextTier(draft.tiers);
    expect(added).toMatchObject({ name: "Tier 4", availability: "99.95", monthlyPrice: "2490" });
    expect(added.key).not.toBe(draft.tiers[2]!.key);
  });
});

describe("weekly hours", () => {
  it("shows one weekday range with equal hours in the simple editor", () => {
    const weekdays = weekdayRange(1, 5).map((weekday) => ({ weekday, startMinute: 450, endMinute: 1200 }));
    expect(hoursDraftOf(weekdays)).toEqual({ mode: "weekly", fromDay: 1, toDay: 5, fromHour: "7.5", toHour: "20" });
    expect(hoursDraftOf("24x7")).toEqual({ mode: "24x7" });
  });

  it("wraps a range past Sunday", () => {
    expect(weekdayRange(6, 1)).toEqual([6, 0, 1]);
    expect(weekdayRange(3, 3)).toEqual([3]);
    const weekend = weekdayRange(5, 1).map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
    expect(hoursDraftOf(weekend)).toMatchObject({ mode: "weekly", fromDay: 5, toDay: 1 });
  });

  it("keeps frames it cannot show as a range as they are", () => {
    const split = [
      { weekday: 1 as const, startMinute: 480, endMinute: 720 },
      { weekday: 3 as const, startMinute: 480, endMinute: 720 },
    ];
    expect(hoursDraftOf(split)).toEqual({ mode: "custom", frames: split });
    expect(hoursFromDraft({ mode: "custom", frames: split })).toEqual({ ok: true, value: split });
  });

  it("turns hours into minutes and refuses text", () => {
    expect(hoursFromDraft({ mode: "weekly", fromDay: 6, toDay: 0, fromHour: "9", toHour: "13.5" })).toEqual({
      ok: true,
      value: [
        { weekday: 6, startMinute: 540, endMinute: 810 },
        { weekday: 0, startMinute: 540, endMinute: 810 },
      ],
    });
    expect(hoursFromDraft({ mode: "weekly", fromDay: 1, toDay: 5, fromHour: "eight", toHour: "18" }).ok).toBe(false);
  });
});
