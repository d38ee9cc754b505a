import { describe, expect, it } from "vitest";
import type { SnippetContext } from "../kind";
import { type FeatureSwitch, featuresKind } from "./features";

const context: SnippetContext = { orgSlug: "acme", snippetSlug: "shop-flags", environment: "staging" };
const errorsOf = (switches: Record<string, FeatureSwitch>) => featuresKind.policy({ switches }, context).filter((i) => i.severity === "error");
const on = { enabled: true };

describe("features kind: policy corpus", () => {
  const bad: [string, Record<string, FeatureSwitch>, RegExp][] = [
    ["upper case", { NewCheckout: on }, /"NewCheckout" is not a switch name/],
    ["a leading digit", { "2fa": on }, /"2fa" is not a switch name/],
    ["spaces", { "new checkout": on }, /"new checkout" is not a switch name/],
    ["a double separator", { new__checkout: on }, /"new__checkout" is not a switch name/],
    ["a trailing separator", { "beta-": on }, /"beta-" is not a switch name/],
    ["dots", { "shop.beta": on }, /"shop.beta" is not a switch name/],
    ["- and _ spellings of one name", { new_checkout: on, "new-checkout": { enabled: false } }, /"new_checkout" and "new-checkout" differ only in - and _/],
    ["a two-line description", { beta: { enabled: true, description: "one\ntwo" } }, /description of "beta" must be one line/],
    ["a long description", { beta: { enabled: true, description: "x".repeat(201) } }, /longer than 200 characters/],
    ["too many switches", Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`flag_${i}`, on])), /At most 100 switches/],
    ["a very long name", { ["a".repeat(65)]: on }, /longer than 64 characters/],
  ];
  for (const [name, switches, message] of bad) {
    it(`refuses ${name}`, () => {
      const errors = errorsOf(switches);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.message).toMatch(message);
    });
  }
  const good: [string, Record<string, FeatureSwitch>][] = [
    ["snake_case", { new_checkout: on }],
    ["kebab-case with digits", { "search-v2": { enabled: false, description: "The second search engine" } }],
    ["several", { a: on, b2: { enabled: false }, "c-d_e": on }],
    ["the starter", featuresKind.starter.switches],
  ];
  for (const [name, switches] of good) {
    it(`accepts ${name}`, () => {
      expect(errorsOf(switches)).toEqual([]);
    });
  }
  it("warns when there are no switches", () => {
    expect(featuresKind.policy({ switches: {} }, context)).toEqual([{ line: null, severity: "warning", message: "No switches yet: the application will see an empty set." }]);
  });
});

describe("features kind: rendering", () => {
  it("writes sorted JSON with a final newline, whatever the key order", () => {
    const a = featuresKind.render({ switches: { zeta: on, alpha: { enabled: false, description: "first" }, "mid-way": on } }, context);
    const b = featuresKind.render({ switches: { "mid-way": on, zeta: on, alpha: { enabled: false } } }, context);
    expect(a).toEqual([{ path: "etc/hostdesk/features/acme-shop-flags.json", mode: 0o644, content: '{\n  "alpha": false,\n  "mid-way": true,\n  "zeta": true\n}\n' }]);
    expect(b).toEqual(a);
  });
  it("is read at run time: automatic by default, no check, no reload", () => {
    expect(featuresKind.defaultMode).toBe("auto");
    expect(featuresKind.stagedCheck).toBeNull();
    expect(featuresKind.reload).toBeNull();
  });
  it("explains each switch", () => {
    expect(featuresKind.explain({ switches: { b: { enabled: false }, a: { enabled: true, description: "The A" } } })).toEqual(["a is on: The A.", "b is off."]);
  });
});
