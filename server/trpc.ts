import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { Db } from "@/db/client";
import { canSeeOrg, hasStaffRole, type Actor } from "@/server/auth/actor";
import type { StaffRole } from "@/server/auth/roles";
import { DomainError } from "@/server/errors";
import { log } from "@/server/log";
import { wireFormat } from "@/server/wire-format";

export type Context = {
  db: Db;
  actor: Actor | null;
  /** False when a browser sent the request from another site: mutations refuse it (CSRF). */
  sameOrigin: boolean;
};

const t = initTRPC.context<Context>().create({
  transformer: wireFormat,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    return { ...shape, data: { ...shape.data, zodError: zod } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns the domain's deliberate errors into tRPC codes, and logs the unexpected ones without
 * leaking their details to the client.
 */
const mapDomainErrors = t.middleware(async ({ next, path, type }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: z.prettifyError(cause), cause });
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    log.error("trpc.unexpected_error", { path, type, error: cause ?? result.error });
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Try again in a moment." });
  }
  return result;
});

/** Browsers attach Origin to every mutation; one from another site is a forged request. */
const rejectForeignOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && !ctx.sameOrigin) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This request came from another site and was refused." });
  }
  return next();
});

const base = t.procedure.use(mapDomainErrors).use(rejectForeignOrigin);

/** Anyone, signed in or not. Only for what is public by nature. */
export const publicProcedure = base;

/** Any signed-in user whose session still holds (account enabled, session version current). */
export const authedProcedure = base.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** Staff holding one of the given roles; admins always pass. Customers get FORBIDDEN. */
export function staffProcedure(...roles: StaffRole[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!hasStaffRole(ctx.actor, roles)) throw new TRPCError({ code: "FORBIDDEN", message: "You do not have permission to do that." });
    return next();
  });
}

/**
 * Procedures about one org (input carries `orgId`). Customers reach only their own orgs; another
 * org answers NOT_FOUND, the same as one that does not exist, so ids cannot be probed.
 */
export const orgProcedure = authedProcedure.input(z.object({ orgId: z.uuid() })).use(({ ctx, input, next }) => {
  if (!canSeeOrg(ctx.actor, input.orgId)) throw new TRPCError({ code: "NOT_FOUND", message: "That organisation was not found." });
  return next();
});
