import superjson, { type SuperJSONResult } from "superjson";

type Annotation = ["Date"] | ["undefined"];

/** Marks a value the fast path does not handle; superjson itself serialises the whole answer then. */
const NOT_PLAIN = Symbol("not plain");

/** superjson's escaping of one path segment (its pathstringifier). */
const escapeKey = (key: string) => key.replace(/\\/g, "\\\\").replace(/\./g, "\\.");

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
        note(["undefined"]);
        return null;
      case "object": {
        if (node === null) return null;
        if (node instanceof Date) {
          if (Number.isNaN(node.getTime())) return NOT_PLAIN;
          note(["Date"]);
          return node.toISOString();
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
