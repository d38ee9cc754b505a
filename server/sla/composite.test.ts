import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AvailabilityTree, compositeAvailability } from "./composite";
import { MAX_ENUMERATED_PARTS } from "./structure-availability";

const part = (name: string, availability: number): AvailabilityTree => ({ kind: "component", name, availability });
const series = (...parts: AvailabilityTree[]): AvailabilityTree => ({ kind: "series", parts });
const redundant = (...parts: AvailabilityTree[]): AvailabilityTree => ({ kind: "redundant", parts });

const availability = fc.double({ min: 0.5, max: 0.99999, noNaN: true });
const named = (prefix: string) => fc.array(availability, { minLength: 1, maxLength: 6 }).map((values) => values.map((a, i) => part(`${prefix}${i}`, a)));

describe("compositeAvailability", () => {
  it("multiplies a series and combines a redundancy group", () => {
    expect(compositeAvailability(series(part("a", 0.99), part("b", 0.999))).availability).toBeCloseTo(0.99 * 0.999, 15);
    expect(compositeAvailability(redundant(part("a", 0.99), part("b", 0.9))).availability).toBeCloseTo(1 - 0.01 * 0.1, 15);
    expect(compositeAvailability(part("a", 0.99)).availability).toBe(0.99);
  });

  it("counts a shared dependency once", () => {
    const p = 0.999;
    const a = 0.99;
    const b = 0.98;
    // Two redundant branches that both need P: P fails both at once.
    const shared = compositeAvailability(redundant(series(part("P", p), part("A", a)), series(part("P", p), part("B", b))));
    expect(shared.availability).toBeCloseTo(p * (1 - (1 - a) * (1 - b)), 15);
    expect(shared.exact).toBe(true);
    // In series P multiplies once, not twice.
    expect(compositeAvailability(series(series(part("P", p), part("A", a)), series(part("P", p), part("B", b)))).availability).toBeCloseTo(p * a * b, 15);
  });

  it("names the part that costs most, not merely the least available one", () => {
    const result = compositeAvailability(series(redundant(part("router1", 0.99), part("router2", 0.99)), part("hypervisor", 0.999)));
    expect(result.weakest?.name).toBe("hypervisor");
    expect(result.weakest?.availability).toBe(0.999);
    expect(result.weakest?.gainIfPerfect).toBeCloseTo(0.001 * (1 - 0.0001), 12);
  });

  it("finds the weakest part exactly, shared or not, as making each part perfect would", () => {
    fc.assert(
      fc.property(availability, availability, availability, availability, (p, q, a, b) => {
        const build = (perfect: string | null) => {
          const at = (name: string, value: number) => part(name, name === perfect ? 1 : value);
          return redundant(series(at("P", p), redundant(at("Q", q), at("A", a))), series(at("P", p), at("Q", q), at("B", b)));
        };
        const base = compositeAvailability(build(null));
        const gains = ["P", "Q", "A", "B"].map((name) => ({ name, gain: compositeAvailability(build(name)).availability - base.availability }));
        const best = gains.reduce((top, entry) => (entry.gain > top.gain ? entry : top));
        expect(base.weakest?.gainIfPerfect).toBeCloseTo(best.gain, 12);
        if (gains.filter((entry) => Math.abs(entry.gain - best.gain) < 1e-12).length === 1) expect(base.weakest?.name).toBe(best.name);
      }),
      { numRuns: 200 },
    );
  });

  it("falls back to independence beyond 16 shared parts, and says so", () => {
    expect(MAX_ENUMERATED_PARTS).toBe(16);
    const many = Array.from({ length: 17 }, (_, i) => part(`shared${i}`, 0.999));
    const result = compositeAvailability(redundant(series(...many, part("a", 0.99)), series(...many, part("b", 0.99))));
    expect(result.exact).toBe(false);
    expect(result.availability).toBeGreaterThan(0);
    expect(compositeAvailability(redundant(series(...many.slice(0, 16), part("a", 0.99)), series(...many.slice(0, 16), part("b", 0.99)))).exact).toBe(true);
  });

  it("refuses one part with two availabilities", () => {
    expect(() => compositeAvailability(series(part("P", 0.99), part("P", 0.9)))).toThrow(/two availabilities/);
  });

  it("never puts a series above its weakest part", () => {
    fc.assert(
      fc.property(named("s"), (parts) => {
        const weakest = Math.min(...parts.map((p) => (p.kind === "component" ? p.availability : 1)));
        expect(compositeAvailability(series(...parts)).availability).toBeLessThanOrEqual(weakest + 1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it("never puts a redundancy group below its best part", () => {
    fc.assert(
      fc.property(named("r"), (parts) => {
        const best = Math.max(...parts.map((p) => (p.kind === "component" ? p.availability : 0)));
        expect(compositeAvailability(redundant(...parts)).availability).toBeGreaterThanOrEqual(best - 1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with brute force over all up/down states when parts are shared", () => {
    fc.assert(
      fc.property(availability, availability, availability, availability, (p, q, a, b) => {
        // P and Q feed both branches; the exact value enumerates P and Q.
        const tree = redundant(series(part("P", p), redundant(part("Q", q), part("A", a))), series(part("P", p), part("Q", q), part("B", b)));
        let exact = 0;
        for (const pUp of [0, 1])
          for (const qUp of [0, 1]) {
            const weight = (pUp ? p : 1 - p) * (qUp ? q : 1 - q);
            const left = pUp * (1 - (1 - qUp) * (1 - a));
            const right = pUp * qUp * b;
            exact += weight * (1 - (1 - left) * (1 - right));
          }
        expect(compositeAvailability(tree).availability).toBeCloseTo(exact, 12);
      }),
      { numRuns: 200 },
    );
  });
});
