import superjson, { type SuperJSONResult } from "superjson";

type Annotation = ["Date"] | ["undefined"];

// Shared by every value they mark: a 50-row page holds 150 dates.
const DATE: Annotation = ["Date"];
const UNDEFINED: Annotation = ["undefined"];

/** Marks a value the fast path does not handle; superjson itself serialises the whole answer then. */
const NOT_PLAIN = Symbol("not plain");

/** superjson's escaping of one path segment (its pathstringifier); most keys have nothing to escape. */
const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

const pad2 = (n: number) => (n < 10 ? "0" + n : "" + n);
const pad3 = (n: number) => (n < 10 ? "00" + n : n < 100 ? "0" + n : "" + n);
/**
 * Date#toISOString, written out: V8's own took a third of the fast path's time on a queue page (four
 * dates a row). Years it would write with a sign or six digits go to it.
 */
function isoString(d: Date): string {
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return d.toISOString();
  return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${pad3(d.getUTCMilliseconds())}Z`;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Serialises what the procedures answer (plain objects, arrays, strings, finite numbers, booleans,
 * null, Dates, undefined) to exactly superjson's wire format, so browsers keep decoding it with
 * superjson. Answers are mostly rows with dates; superjson's general walker (identity tracking,
 * class registries, a path array per value) was the largest cost of serving a 50-row queue page.
 * Anything else — Maps, Sets, BigInts, non-finite numbers, class instances — goes to superjson.
 */
export function serializeAnswer(value: unknown): SuperJSONResult {
  const annotations: Record<string, Annotation> = {};
  const path: string[] = [];
  let annotated = false;
  let rootAnnotation: Annotation | undefined;

  const note = (annotation: Annotation) => {
    annotated = true;
    if (path.length === 0) rootAnnotation = annotation;
    else annotations[path.join(".")] = annotation;
  };

  const walk = (node: unknown): unknown => {
    switch (typeof node) {
      case "string":
      case "boolean":
        return node;
      case "number":
        return Number.isFinite(node) && !Object.is(node, -0) ? node : NOT_PLAIN;
      case "undefined":
        note(UNDEFINED);
        return null;
      case "object": {
        if (node === null) return null;
        if (node instanceof Date) {
          if (Number.isNaN(node.getTime())) return NOT_PLAIN;
          note(DATE);
          return isoString(node);
        }
        if (Array.isArray(node)) {
          const out: unknown[] = new Array(node.length);
          for (let i = 0; i < node.length; i++) {
            path.push(String(i));
            const item = walk(node[i]);
            path.pop();
            if (item === NOT_PLAIN) return NOT_PLAIN;
            out[i] = item;
          }
          return out;
        }
        if (!isPlainObject(node)) return NOT_PLAIN;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(node)) {
          // superjson refuses these (prototype pollution); let it say so.
          if (key === "__proto__" || key === "constructor" || key === "prototype") return NOT_PLAIN;
          path.push(escapeKey(key));
          const item = walk(node[key]);
          path.pop();
          if (item === NOT_PLAIN) return NOT_PLAIN;
          out[key] = item;
        }
        return out;
      }
      default:
        return NOT_PLAIN;
    }
  };

  const json = walk(value);
  if (json === NOT_PLAIN) return superjson.serialize(value);
  if (!annotated) return { json: json as SuperJSONResult["json"] };
  return { json: json as SuperJSONResult["json"], meta: { values: rootAnnotation ?? annotations, v: 1 } };
}

/** The transformer the procedures use: superjson in, superjson's format out by the fast path. */
export const wireFormat = {
  input: superjson,
  output: { serialize: serializeAnswer, deserialize: (payload: SuperJSONResult) => superjson.deserialize(payload) },
};
