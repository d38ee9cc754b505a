import { cannedReplyIdInput, createCannedReply, createCannedReplyInput, deleteCannedReply, listCannedReplies, updateCannedReply, updateCannedReplyInput } from "@/server/helpdesk/canned-replies";
import { router, staffProcedure } from "@/server/trpc";

/** Canned replies are the desk's own texts: agents and engineers (and admins) read and keep them; customers never see them. */
const desk = staffProcedure("agent", "engineer");

export const cannedRouter = router({
  list: desk.query(({ ctx }) => listCannedReplies(ctx.db, ctx.actor)),
  create: desk.input(createCannedReplyInput).mutation(({ ctx, input }) => createCannedReply(ctx.db, ctx.actor, input)),
  update: desk.input(updateCannedReplyInput).mutation(({ ctx, input }) => updateCannedReply(ctx.db, ctx.actor, input)),
  delete: desk.input(cannedReplyIdInput).mutation(({ ctx, input }) => deleteCannedReply(ctx.db, ctx.actor, input)),
});
