import { createOrgInput, orgDirectoryInput, renameOrgInput } from "@/server/identity/schemas";
import { createOrg, getOrg, listCustomerOrgs, listOrgs, renameOrg } from "@/server/identity/orgs";
import { authedProcedure, orgProcedure, router, staffProcedure } from "@/server/trpc";

export const orgsRouter = router({
  list: authedProcedure.query(({ ctx }) => listOrgs(ctx.db, ctx.actor)),
  directory: authedProcedure.input(orgDirectoryInput).query(({ ctx, input }) => listCustomerOrgs(ctx.db, ctx.actor, input)),
  get: orgProcedure.query(({ ctx, input }) => getOrg(ctx.db, ctx.actor, input)),
  create: staffProcedure("admin").input(createOrgInput).mutation(({ ctx, input }) => createOrg(ctx.db, ctx.actor, input)),
  rename: staffProcedure("admin").input(renameOrgInput).mutation(({ ctx, input }) => renameOrg(ctx.db, ctx.actor, input)),
});
