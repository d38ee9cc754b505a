import {
  createUserInput,
  listUsersInput,
  removeMembershipInput,
  setMembershipInput,
  updateUserInput,
  userIdInput,
} from "@/server/identity/schemas";
import { createUser, listUsers, removeMembership, revokeSessions, setMembership, updateUser } from "@/server/identity/users";
import { router, staffProcedure } from "@/server/trpc";

const admin = staffProcedure("admin");

export const usersRouter = router({
  list: admin.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, ctx.actor, input)),
  create: admin.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx.db, ctx.actor, input)),
  update: admin.input(updateUserInput).mutation(({ ctx, input }) => updateUser(ctx.db, ctx.actor, input)),
  setMembership: admin.input(setMembershipInput).mutation(({ ctx, input }) => setMembership(ctx.db, ctx.actor, input)),
  removeMembership: admin.input(removeMembershipInput).mutation(({ ctx, input }) => removeMembership(ctx.db, ctx.actor, input)),
  revokeSessions: admin.input(userIdInput).mutation(({ ctx, input }) => revokeSessions(ctx.db, ctx.actor, input)),
});
