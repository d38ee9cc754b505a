import { listOutbox, retryMail } from "@/server/mail/outbox";
import { dropQuarantined, listQuarantine, releaseQuarantined } from "@/server/mail/quarantine";
import { dropInput, outboxInput, quarantineInput, releaseInput, retryInput } from "@/server/mail/schemas";
import { router, staffProcedure } from "@/server/trpc";

/** Mail in and out is the desk's business: agents and engineers (and admins); customers get FORBIDDEN. */
const desk = staffProcedure("agent", "engineer");

export const mailRouter = router({
  outbox: desk.input(outboxInput).query(({ ctx, input }) => listOutbox(ctx.db, ctx.actor, input)),
  retry: desk.input(retryInput).mutation(({ ctx, input }) => retryMail(ctx.db, ctx.actor, input)),
  quarantine: desk.input(quarantineInput).query(({ ctx, input }) => listQuarantine(ctx.db, ctx.actor, input)),
  release: desk.input(releaseInput).mutation(({ ctx, input }) => releaseQuarantined(ctx.db, ctx.actor, input)),
  drop: desk.input(dropInput).mutation(({ ctx, input }) => dropQuarantined(ctx.db, ctx.actor, input)),
});
