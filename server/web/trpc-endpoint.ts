import type http from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { resolveResponse } from "@trpc/server/http";
import { actorFromCookie } from "@/server/auth/session-token";
import { parseCookieHeader } from "@/server/http/cookies";
import { buildContext, nodeHeaders } from "@/server/request-context";
import { appRouter } from "@/server/routers/_app";
import type { Context } from "@/server/trpc";
import { answerQueries } from "./trpc-queries";
import { answerUnsent } from "./unsent-answer";

export const TRPC_PATH = "/api/trpc/";

/** Inputs are forms and snippets; the largest is an inventory import of a whole data centre. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

async function createContext(req: http.IncomingMessage): Promise<Context> {
  const cookies = parseCookieHeader(req.headers.cookie);
  return buildContext(await actorFromCookie((name) => cookies.get(name)), nodeHeaders(req.headers));
}

/** Subscriptions (the live desk, rollout progress): tRPC's own adapter streams their events. */
const handleStream = createHTTPHandler({ router: appRouter, basePath: TRPC_PATH, maxBodySize: MAX_BODY_BYTES, createContext: ({ req }) => createContext(req) });

/**
 * Whatever answerQueries leaves (mutations, odd requests): resolved by tRPC's fetch adapter, written
 * back in one piece with its length. tRPC's node adapter pipes every answer through a web stream in
 * chunks (chunked encoding, two writes, a WritableStream per request), which cost as much as the
 * smaller procedures themselves.
 */
export function answerWithFetchAdapter(req: http.IncomingMessage, res: http.ServerResponse, createContext: () => Promise<Context>): void {
  const request = incomingMessageToRequest(req, res, { maxBodySize: MAX_BODY_BYTES });
  const path = new URL(request.url).pathname.slice(TRPC_PATH.length);
  resolveResponse({ router: appRouter, req: request, path, error: null, createContext })
    .then(async (response) => {
      const body = Buffer.from(await response.arrayBuffer());
      const headers: http.OutgoingHttpHeaders = { "content-length": body.length };
      for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
      const cookies = response.headers.getSetCookie();
      if (cookies.length) headers["set-cookie"] = cookies;
      res.writeHead(response.status, headers).end(body);
    })
    // resolveResponse answers errors itself; what lands here is a body that could not be read or sent.
    .catch((error: unknown) => answerUnsent(res, path, error));
}

/**
 * The tRPC endpoint on Node's own request and response. The web server hands it every request
 * under TRPC_PATH before Next sees them: Next's router, its per-request async context and the
 * conversion of each request into a fetch Request cost more than the procedures they carry (the
 * calculator answered about 1.8 times the requests per second without them, same machine).
 */
export function handleTrpc(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.headers.accept?.includes("text/event-stream")) void handleStream(req, res);
  else if (!answerQueries(appRouter, TRPC_PATH, req, res, () => createContext(req))) answerWithFetchAdapter(req, res, () => createContext(req));
}

export function isTrpcRequest(url: string | undefined): boolean {
  return url?.startsWith(TRPC_PATH) ?? false;
}
