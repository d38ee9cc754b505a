import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeAnswer } from "./wire-format";

// What procedures answer: rows of strings, numbers, booleans, nulls, dates and undefined, nested.
const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
const answer = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("node"), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string().filter((k) => !["__proto__", "constructor", "prototype"].includes(k)), fc.constantFrom("a.b", "back\\slash", "0", "x.y.z")), tie("node"), { maxKeys: 5 }),
})).node;

describe("serializeAnswer", () => {
  // What reaches the wire is the JSON text: the answer's own dates go in and write themselves.
  const wire = (serialized: unknown) => JSON.stringify(serialized);
  // The same JSON document; superjson lists a level's array indexes before its deeper paths (how
  // JavaScript orders integer keys), which the decoder does not care about.
  const sameDocument = (a: unknown, b: unknown) => expect(JSON.parse(wire(a))).toStrictEqual(JSON.parse(wire(b)));

  it("writes the JSON superjson writes for plain answers", () => {
    fc.assert(
      fc.property(answer, (value) => {
        sameDocument(serializeAnswer(value), superjson.serialize(value));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips through superjson's decoder, dates as dates", () => {
    fc.assert(
      fc.property(answer, (value) => {
        expect(superjson.deserialize(JSON.parse(wire(serializeAnswer(value))))).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it("hands what it does not know to superjson: maps, sets, bigints, -0, NaN, classes", () => {
    class Money {
      constructor(readonly cents: number) {}
    }
    for (const value of [{ m: new Map([["a", 1]]) }, [new Set([1])], { n: 10n }, { z: -0 }, [Number.NaN], { at: new Date(Number.NaN) }, { money: new Money(5) }]) {
      sameDocument(serializeAnswer(value), superjson.serialize(value));
    }
  });

  it("leaves the answer as it was: nothing is copied or changed", () => {
    const row = { at: new Date(0), gone: undefined, nested: [{ at: new Date(1) }] };
    const before = structuredClone(row);
    serializeAnswer({ rows: [row, row] });
    expect(row).toEqual(before);
    expect("gone" in row).toBe(true);
  });

  it("refuses a prototype-polluting key as superjson does", () => {
    const hostile = JSON.parse('{"__proto__": {"admin": true}}') as unknown;
    expect(() => serializeAnswer(hostile)).toThrow(/prototype pollution/);
  });

  it("annotates a root date and a root undefined", () => {
    expect(wire(serializeAnswer(new Date(0)))).toBe('{"json":"1970-01-01T00:00:00.000Z","meta":{"values":["Date"],"v":1}}');
    expect(serializeAnswer(undefined)).toEqual({ json: null, meta: { values: ["undefined"], v: 1 } });
  });
});
