import superjson, { type SuperJSONResult } from "superjson";

type Annotation = ["Date"] | ["undefined"];

// Shared by every value they mark: a 50-row page holds 150 dates.
const DATE: Annotation = ["Date"];
const UNDEFINED: Annotation = ["undefined"];

/** superjson's escaping of one path segment (its pathstringifier); most keys have nothing to escape. */
const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy in which every undefined is null, as superjson writes it (JSON would drop the key). */
function undefinedAsNull(node: unknown): unknown {
  if (node === undefined) return null;
  if (node === null || typeof node !== "object" || node instanceof Date) return node;
  if (Array.isArray(node)) return node.map(undefinedAsNull);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) out[key] = undefinedAsNull((node as Record<string, unknown>)[key]);
  return out;
}

/**
 * Serialises what the procedures answer (plain objects, arrays, strings, finite numbers, booleans,
 * null, Dates, undefined) to the JSON superjson writes, once JSON.stringify has written it, so
 * browsers keep decoding it with superjson. Answers are mostly rows with dates; superjson's general
 * walker (identity tracking, class registries, a path array per value) was the largest cost of
 * serving a 50-row queue page. This walk only reads: it notes where the dates are and hands the
 * answer itself on as the `json` (a Date writes itself as its ISO string, as superjson writes it),
 * so nothing is copied unless an undefined needs to become null.
 * Anything else — Maps, Sets, BigInts, non-finite numbers, class instances — goes to superjson.
 */
export function serializeAnswer(value: unknown): SuperJSONResult {
  const annotations: Record<string, Annotation> = {};
  const path: string[] = [];
  let annotated = false;
  let sawUndefined = false;
  let rootAnnotation: Annotation | undefined;

  const note = (annotation: Annotation) => {
    annotated = true;
    if (path.length === 0) rootAnnotation = annotation;
    else annotations[path.join(".")] = annotation;
  };

  /** False when the answer holds something only superjson can write. */
  const isPlain = (node: unknown): boolean => {
    switch (typeof node) {
      case "string":
      case "boolean":
        return true;
      case "number":
        return Number.isFinite(node) && !Object.is(node, -0);
      case "undefined":
        sawUndefined = true;
        note(UNDEFINED);
        return true;
      case "object": {
        if (node === null) return true;
        if (node instanceof Date) {
          if (Number.isNaN(node.getTime())) return false;
          note(DATE);
          return true;
        }
        if (Array.isArray(node)) {
          for (let i = 0; i < node.length; i++) {
            path.push(String(i));
            const plain = isPlain(node[i]);
            path.pop();
            if (!plain) return false;
          }
          return true;
        }
        if (!isPlainObject(node)) return false;
        for (const key of Object.keys(node)) {
          // superjson refuses these (prototype pollution); let it say so.
          if (key === "__proto__" || key === "constructor" || key === "prototype") return false;
          path.push(escapeKey(key));
          const plain = isPlain(node[key]);
          path.pop();
          if (!plain) return false;
        }
        return true;
      }
      default:
        return false;
    }
  };

  if (!isPlain(value)) return superjson.serialize(value);
  const json = (sawUndefined ? undefinedAsNull(value) : value) as SuperJSONResult["json"];
  if (!annotated) return { json };
  return { json, meta: { values: rootAnnotation ?? annotations, v: 1 } };
}

/** The transformer the procedures use: superjson in, superjson's format out by the fast path. */
export const wireFormat = {
  input: superjson,
  output: { serialize: serializeAnswer, deserialize: (payload: SuperJSONResult) => superjson.deserialize(payload) },
};
