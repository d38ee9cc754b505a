import { chainOf } from "@/server/inventory/chain";
import { listDevices } from "@/server/inventory/devices";
import { environmentDrift } from "@/server/inventory/environment-drift";
import { orgIdInput } from "@/server/identity/schemas";
import { impactOf } from "@/server/inventory/impact";
import { idInput, listInventoryInput, nodeIdInput } from "@/server/inventory/schemas";
import { getVm, listVms } from "@/server/inventory/vms";
import { authedProcedure, orgProcedure, router, staffProcedure } from "@/server/trpc";

export const inventoryRouter = router({
  vms: authedProcedure.input(listInventoryInput).query(({ ctx, input }) => listVms(ctx.db, ctx.actor, input)),
  vm: authedProcedure.input(idInput).query(({ ctx, input }) => getVm(ctx.db, ctx.actor, input)),
  environmentDrift: orgProcedure.input(orgIdInput).query(({ ctx, input }) => environmentDrift(ctx.db, ctx.actor, input)),
  chain: authedProcedure.input(nodeIdInput).query(({ ctx, input }) => chainOf(ctx.db, ctx.actor, input)),
  devices: staffProcedure("agent", "engineer", "account_manager").input(listInventoryInput).query(({ ctx, input }) => listDevices(ctx.db, ctx.actor, input)),
  impact: staffProcedure("agent", "engineer", "account_manager").input(nodeIdInput).query(({ ctx, input }) => impactOf(ctx.db, ctx.actor, input)),
});
