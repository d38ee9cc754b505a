import { areasFor, landingPath } from "@/server/auth/roles";
import { changePasswordInput } from "@/server/identity/schemas";
import { changeOwnPassword, revokeSessions } from "@/server/identity/users";
import { authedProcedure, router } from "@/server/trpc";

export const sessionRouter = router({
  me: authedProcedure.query(({ ctx }) => ({
    ...ctx.actor,
    areas: areasFor(ctx.actor.roles),
    landing: landingPath(ctx.actor.roles),
  })),
  changePassword: authedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.actor, input)),
  signOutEverywhere: authedProcedure.mutation(({ ctx }) => revokeSessions(ctx.db, ctx.actor, { userId: ctx.actor.userId })),
});
