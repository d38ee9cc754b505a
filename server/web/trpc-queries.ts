import type http from "node:http";
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, transformTRPCResponse, type AnyTRPCRouter } from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import { answerUnsent } from "./unsent-answer";

type Envelope = { result: { data: unknown } } | { error: ReturnType<typeof getErrorShape> };

type QueryRequest = { paths: string[]; isBatch: boolean; rawInputs: unknown };

/**
 * The queries a request asks for, or null unless it is a plain GET of known query procedures with
 * well-formed input. Streamed answers (jsonl), requests that name a body type, unknown paths,
 * mutations and malformed input are left to tRPC, which answers or refuses them in its own words.
 */
function queryRequest(router: AnyTRPCRouter, basePath: string, req: http.IncomingMessage): QueryRequest | null {
  const { accept = "", "trpc-accept": trpcAccept, "content-type": contentType } = req.headers;
  if (req.method !== "GET" || !req.url || trpcAccept !== undefined || contentType !== undefined || accept.includes("application/jsonl")) return null;
  const queryAt = req.url.indexOf("?");
  const search = new URLSearchParams(queryAt < 0 ? "" : req.url.slice(queryAt + 1));
  const isBatch = search.get("batch") === "1";
  try {
    const path = decodeURIComponent(req.url.slice(basePath.length, queryAt < 0 ? undefined : queryAt));
    const paths = isBatch ? path.split(",") : [path];
    const procedures = router._def.procedures as Record<string, { _def: { type: string } } | undefined>;
    if (!paths.every((p) => procedures[p]?._def.type === "query")) return null;
    const input = search.get("input");
    const rawInputs: unknown = input === null ? undefined : JSON.parse(input);
    if (isBatch && rawInputs !== undefined && (typeof rawInputs !== "object" || rawInputs === null || Array.isArray(rawInputs))) return null;
    return { paths, isBatch, rawInputs };
  } catch {
    return null;
  }
}

async function answer<TContext>(router: AnyTRPCRouter, { paths, isBatch, rawInputs }: QueryRequest, res: http.ServerResponse, createContext: () => Promise<TContext>) {
  const config = router._def._config;
  // A context that cannot be made fails every call with its error, as in tRPC.
  const context: Promise<{ ctx?: TContext; error?: unknown }> = createContext().then(
    (ctx) => ({ ctx }),
    (error: unknown) => ({ error }),
  );
  const envelopes = await Promise.all(
    paths.map(async (path, index): Promise<Envelope> => {
      const { ctx, error: contextError } = await context;
      let input: unknown;
      try {
        if (contextError) throw contextError;
        const raw = isBatch ? (rawInputs as Record<string, unknown> | undefined)?.[index] : rawInputs;
        input = raw === undefined ? undefined : config.transformer.input.deserialize(raw);
        return { result: { data: await callTRPCProcedure({ router, path, getRawInput: async () => input, ctx, type: "query", signal: undefined, batchIndex: index }) } };
      } catch (cause) {
        return { error: getErrorShape({ config, error: getTRPCErrorFromUnknown(cause), type: "query", path, input, ctx }) };
      }
    }),
  );
  const answered = isBatch ? envelopes : envelopes[0]!;
  const body = JSON.stringify(transformTRPCResponse(config, answered));
  res.writeHead(getHTTPStatusCode(answered), { "content-type": "application/json", vary: "trpc-accept, accept", "content-length": Buffer.byteLength(body) }).end(body);
}

/**
 * GET queries, answered with tRPC's own parts (its procedures, error shapes, status codes and
 * transformer) on Node's request and response. tRPC's fetch adapter makes a fetch Request of each
 * request and reads its answer back out of a fetch Response through a web stream: without them one
 * web process served about 45 % more queue pages a second. Returns false, having touched nothing,
 * for what tRPC's own handler must answer (see queryRequest).
 */
export function answerQueries<TContext>(router: AnyTRPCRouter, basePath: string, req: http.IncomingMessage, res: http.ServerResponse, createContext: () => Promise<TContext>): boolean {
  const request = queryRequest(router, basePath, req);
  if (!request) return false;
  answer(router, request, res, createContext).catch((error: unknown) => answerUnsent(res, request.paths.join(","), error));
  return true;
}
