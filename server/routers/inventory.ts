import { chainOf } from "@/server/inventory/chain";
import { impactOf } from "@/server/inventory/impact";
import { idInput, listInventoryInput, nodeIdInput } from "@/server/inventory/schemas";
import { getVm, listVms } from "@/server/inventory/vms";
import { authedProcedure, router, staffProcedure } from "@/server/trpc";

export const inventoryRouter = router({
  vms: authedProcedure.input(listInventoryInput).query(({ ctx, input }) => listVms(ctx.db, ctx.actor, input)),
  vm: authedProcedure.input(idInput).query(({ ctx, input }) => getVm(ctx.db, ctx.actor, input)),
  chain: authedProcedure.input(nodeIdInput).query(({ ctx, input }) => chainOf(ctx.db, ctx.actor, input)),
  impact: staffProcedure("agent", "engineer", "account_manager").input(nodeIdInput).query(({ ctx, input }) => impactOf(ctx.db, ctx.actor, input)),
});
