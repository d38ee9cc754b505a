import { orgIdInput } from "@/server/identity/schemas";
import { capacityReport, placementFor, placementInput } from "@/server/inventory/capacity-report";
import { chainOf } from "@/server/inventory/chain";
import { tickChecklistItem, tickInput, vmReadiness } from "@/server/inventory/checklist";
import { addDependency, removeDependency } from "@/server/inventory/dependency-changes";
import { createDevice, retireDevice, updateDevice } from "@/server/inventory/device-changes";
import { getDevice } from "@/server/inventory/device-detail";
import { listDevices, listExplicitDependencies, listStoragePools } from "@/server/inventory/devices";
import { environmentDrift } from "@/server/inventory/environment-drift";
import { impactInput, impactOf } from "@/server/inventory/impact";
import {
  dependencyInput,
  deviceInput,
  idInput,
  listInventoryInput,
  nodeIdInput,
  rackInput,
  serviceInput,
  siteInput,
  storagePoolInput,
  updateDeviceInput,
  updateServiceInput,
  updateSiteInput,
  updateStoragePoolInput,
  updateVmInput,
  vmInput,
} from "@/server/inventory/schemas";
import { createService, retireService, updateService } from "@/server/inventory/service-changes";
import { createRack, createSite, updateSite } from "@/server/inventory/site-changes";
import { listSites } from "@/server/inventory/sites";
import { createStoragePool, updateStoragePool } from "@/server/inventory/storage-pool-changes";
import { createVm, retireVm, updateVm } from "@/server/inventory/vm-changes";
import { exportInventory } from "@/server/inventory/transfer/export";
import { inventoryDocumentUpload } from "@/server/inventory/transfer/format";
import { importInventory } from "@/server/inventory/transfer/import";
import { getVm, listVms } from "@/server/inventory/vms";
import { authedProcedure, orgProcedure, router, staffProcedure } from "@/server/trpc";

const staff = staffProcedure("agent", "engineer", "account_manager");
const keeper = staffProcedure("agent", "engineer");
/** Loading a whole data centre is for engineers (and admins). */
const importer = staffProcedure("engineer");

export const inventoryRouter = router({
  vms: authedProcedure.input(listInventoryInput).query(({ ctx, input }) => listVms(ctx.db, ctx.actor, input)),
  vm: authedProcedure.input(idInput).query(({ ctx, input }) => getVm(ctx.db, ctx.actor, input)),
  readiness: authedProcedure.input(idInput).query(({ ctx, input }) => vmReadiness(ctx.db, ctx.actor, input)),
  environmentDrift: orgProcedure.input(orgIdInput).query(({ ctx, input }) => environmentDrift(ctx.db, ctx.actor, input)),
  chain: authedProcedure.input(nodeIdInput).query(({ ctx, input }) => chainOf(ctx.db, ctx.actor, input)),
  devices: staff.input(listInventoryInput).query(({ ctx, input }) => listDevices(ctx.db, ctx.actor, input)),
  device: staff.input(idInput).query(({ ctx, input }) => getDevice(ctx.db, ctx.actor, input)),
  sites: staff.query(({ ctx }) => listSites(ctx.db, ctx.actor)),
  storagePools: staff.query(({ ctx }) => listStoragePools(ctx.db, ctx.actor)),
  dependencies: staff.query(({ ctx }) => listExplicitDependencies(ctx.db, ctx.actor)),
  impact: staff.input(impactInput).query(({ ctx, input }) => impactOf(ctx.db, ctx.actor, input)),
  capacity: staff.query(({ ctx }) => capacityReport(ctx.db, ctx.actor)),
  placement: staff.input(placementInput).query(({ ctx, input }) => placementFor(ctx.db, ctx.actor, input)),

  export: staff.query(({ ctx }) => exportInventory(ctx.db, ctx.actor)),
  import: importer.input(inventoryDocumentUpload).mutation(({ ctx, input }) => importInventory(ctx.db, ctx.actor, input)),

  createVm: keeper.input(vmInput).mutation(({ ctx, input }) => createVm(ctx.db, ctx.actor, input)),
  updateVm: keeper.input(updateVmInput).mutation(({ ctx, input }) => updateVm(ctx.db, ctx.actor, input)),
  retireVm: keeper.input(idInput).mutation(({ ctx, input }) => retireVm(ctx.db, ctx.actor, input)),
  createDevice: keeper.input(deviceInput).mutation(({ ctx, input }) => createDevice(ctx.db, ctx.actor, input)),
  updateDevice: keeper.input(updateDeviceInput).mutation(({ ctx, input }) => updateDevice(ctx.db, ctx.actor, input)),
  retireDevice: keeper.input(idInput).mutation(({ ctx, input }) => retireDevice(ctx.db, ctx.actor, input)),
  createService: keeper.input(serviceInput).mutation(({ ctx, input }) => createService(ctx.db, ctx.actor, input)),
  updateService: keeper.input(updateServiceInput).mutation(({ ctx, input }) => updateService(ctx.db, ctx.actor, input)),
  retireService: keeper.input(idInput).mutation(({ ctx, input }) => retireService(ctx.db, ctx.actor, input)),
  tickChecklistItem: keeper.input(tickInput).mutation(({ ctx, input }) => tickChecklistItem(ctx.db, ctx.actor, input)),
  createSite: keeper.input(siteInput).mutation(({ ctx, input }) => createSite(ctx.db, ctx.actor, input)),
  updateSite: keeper.input(updateSiteInput).mutation(({ ctx, input }) => updateSite(ctx.db, ctx.actor, input)),
  createRack: keeper.input(rackInput).mutation(({ ctx, input }) => createRack(ctx.db, ctx.actor, input)),
  createStoragePool: keeper.input(storagePoolInput).mutation(({ ctx, input }) => createStoragePool(ctx.db, ctx.actor, input)),
  updateStoragePool: keeper.input(updateStoragePoolInput).mutation(({ ctx, input }) => updateStoragePool(ctx.db, ctx.actor, input)),
  addDependency: keeper.input(dependencyInput).mutation(({ ctx, input }) => addDependency(ctx.db, ctx.actor, input)),
  removeDependency: keeper.input(idInput).mutation(({ ctx, input }) => removeDependency(ctx.db, ctx.actor, input)),
});
