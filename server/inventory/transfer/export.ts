import type { Db } from "@/db/client";
import { requireStaff, type Actor } from "@/server/auth/actor";
import type { InventoryDocument } from "./format";
import { loadInventoryState, storedNodeName, type InventoryState } from "./inventory-state";
import { byCodeUnits, compositeKey } from "./references";

/**
 * The whole inventory as an inventory document, for any staff member. The document names
 * everything and holds no ids, so it can be loaded into another installation with `importInventory`.
 */
export async function exportInventory(db: Db, actor: Actor): Promise<InventoryDocument> {
  requireStaff(actor);
  // One snapshot for all the reads: a change committed between two of them could otherwise yield
  // a document whose references do not resolve.
  const state = await db.transaction((tx) => loadInventoryState(tx), { isolationLevel: "repeatable read", accessMode: "read only" });
  return inventoryDocumentOf(state);
}

function sortedBy<T>(rows: T[], key: (row: T) => string): T[] {
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => byCodeUnits(a.key, b.key));
  return keyed.map((entry) => entry.row);
}

/**
 * Builds the document from stored rows. Every section is sorted by its natural key and every object
 * is built with its fields in one fixed order, so two exports of the same data are byte-identical
 * and a diff of two exports shows only what changed.
 */
export function inventoryDocumentOf(state: InventoryState): InventoryDocument {
  const { byId } = state;
  // Foreign keys guarantee the parents exist; the fallbacks only keep the types honest.
  const siteName = (id: string) => byId.sites.get(id)?.name ?? id;
  const deviceName = (id: string) => byId.devices.get(id)?.name ?? id;
  const vmName = (id: string) => byId.vms.get(id)?.name ?? id;
  const pool = (id: string) => {
    const row = byId.pools.get(id);
    return { device: row ? deviceName(row.deviceId) : id, name: row?.name ?? id };
  };
  const retiredVm = (id: string) => byId.vms.get(id)?.status === "retired";

  const devices = state.devices.map((device) => {
    const rack = device.rackId ? byId.racks.get(device.rackId) : undefined;
    return {
      name: device.name,
      kind: device.kind,
      status: device.status,
      rack: rack ? { site: siteName(rack.siteId), rack: rack.name, unit: device.rackUnit } : null,
      heightUnits: device.heightUnits,
      cores: device.cores,
      memoryMb: device.memoryMb,
      diskGb: device.diskGb,
      managementAddress: device.managementAddress,
    };
  });

  const vms = state.vms.map((vm) => ({
    org: byId.orgs.get(vm.orgId)?.slug ?? vm.orgId,
    name: vm.name,
    environment: vm.environment,
    role: vm.role,
    hypervisor: deviceName(vm.hypervisorId),
    storagePool: pool(vm.storagePoolId),
    vcpus: vm.vcpus,
    memoryMb: vm.memoryMb,
    diskGb: vm.diskGb,
    addresses: [...vm.addresses],
    status: vm.status,
    redundancyGroup: vm.redundancyGroup,
    driver: vm.driver,
    ssh: vm.sshHost && vm.sshUser && vm.sshHostKey ? { host: vm.sshHost, port: vm.sshPort, user: vm.sshUser, hostKey: vm.sshHostKey } : null,
  }));

  // Retired services are history, not inventory: the document has no way to say "retired", and
  // importing it must not bring them back. A retired VM's services went with it.
  const liveServices = state.services.filter((service) => service.retiredAt === null && !retiredVm(service.vmId));
  const services = liveServices.map((service) => ({ vm: vmName(service.vmId), name: service.name, kind: service.kind, ports: [...service.ports] }));
  const exportedServiceIds = new Set(liveServices.map((service) => service.id));

  // Only the explicit edges: the implied ones (a VM on its hypervisor and pool, a service on its VM,
  // a pool on its server) are already said by those rows. An edge must name nodes the document
  // holds, or another installation could not import it: edges of retired services are left out,
  // and so are edges whose node no longer exists at all (dependency ids carry no foreign key).
  const dependencies = state.dependencies.flatMap((edge) => {
    const parent = storedNodeName(state, edge.parentKind, edge.parentId);
    const child = storedNodeName(state, edge.childKind, edge.childId);
    if (parent === null || child === null) return [];
    if ((edge.parentKind === "service" && !exportedServiceIds.has(edge.parentId)) || (edge.childKind === "service" && !exportedServiceIds.has(edge.childId))) {
      return [];
    }
    return [{ parent: { kind: edge.parentKind, name: parent }, child: { kind: edge.childKind, name: child }, redundancyGroup: edge.redundancyGroup }];
  });

  return {
    version: 1,
    sites: sortedBy(
      state.sites.map((site) => ({ name: site.name, city: site.city })),
      (site) => site.name,
    ),
    racks: sortedBy(
      state.racks.map((rack) => ({ site: siteName(rack.siteId), name: rack.name, units: rack.units })),
      (rack) => compositeKey(rack.site, rack.name),
    ),
    devices: sortedBy(devices, (device) => device.name),
    storagePools: sortedBy(
      state.pools.map((row) => ({ device: deviceName(row.deviceId), name: row.name, capacityGb: row.capacityGb, reservedGb: row.reservedGb })),
      (row) => compositeKey(row.device, row.name),
    ),
    vms: sortedBy(vms, (vm) => vm.name),
    services: sortedBy(services, (service) => compositeKey(service.vm, service.name)),
    dependencies: sortedBy(dependencies, (edge) => compositeKey(edge.parent.kind, edge.parent.name, edge.child.kind, edge.child.name)),
    backups: sortedBy(
      state.backups.map((backup) => ({
        vm: vmName(backup.vmId),
        backupServer: deviceName(backup.backupDeviceId),
        schedule: backup.schedule,
        retentionDays: backup.retentionDays,
      })),
      (backup) => compositeKey(backup.vm, backup.backupServer),
    ),
  };
}
