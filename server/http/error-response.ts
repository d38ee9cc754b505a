import { z, ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "@/server/errors";
import { log } from "@/server/log";

const statusOf: Record<DomainErrorCode, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

/** A JSON error for a plain route handler: `{ error }`, written for the person who will read it. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Route handlers' counterpart of the tRPC error mapping (server/trpc.ts): the domain's deliberate
 * errors keep their message, anything unexpected is logged and answered without its details.
 */
export function errorResponse(error: unknown, route: string): Response {
  if (error instanceof DomainError) return jsonError(statusOf[error.code], error.message);
  if (error instanceof ZodError) return jsonError(400, z.prettifyError(error));
  log.error("http.unexpected_error", { route, error });
  return jsonError(500, "Something went wrong on our side. Try again in a moment.");
}
