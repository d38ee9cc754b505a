import type { DbOrTx } from "@/db/client";
import { backups, dependencies, devices, orgs, racks, services, sites, storagePools, vms } from "@/db/schema";
import { compositeKey, scopedName } from "./references";

export type OrgRow = Pick<typeof orgs.$inferSelect, "id" | "slug" | "kind">;
export type SiteRow = Pick<typeof sites.$inferSelect, "id" | "name" | "city">;
export type RackRow = Pick<typeof racks.$inferSelect, "id" | "siteId" | "name" | "units">;
export type DeviceRow = Omit<typeof devices.$inferSelect, "createdAt">;
export type PoolRow = typeof storagePools.$inferSelect;
export type VmRow = Omit<typeof vms.$inferSelect, "createdAt">;
export type ServiceRow = Omit<typeof services.$inferSelect, "createdAt">;
export type DependencyRow = Omit<typeof dependencies.$inferSelect, "createdAt">;
export type BackupRow = Pick<typeof backups.$inferSelect, "id" | "vmId" | "backupDeviceId" | "schedule" | "retentionDays">;

/**
 * The whole inventory as stored, with lookups by id and by natural key. Export and import both work
 * on it in memory: a handful of full-table reads is far cheaper than a query per document row, and
 * the cycle check needs the whole graph anyway.
 */
export type InventoryState = {
  orgs: OrgRow[];
  sites: SiteRow[];
  racks: RackRow[];
  devices: DeviceRow[];
  pools: PoolRow[];
  vms: VmRow[];
  services: ServiceRow[];
  dependencies: DependencyRow[];
  backups: BackupRow[];
  byId: {
    orgs: Map<string, OrgRow>;
    sites: Map<string, SiteRow>;
    racks: Map<string, RackRow>;
    devices: Map<string, DeviceRow>;
    pools: Map<string, PoolRow>;
    vms: Map<string, VmRow>;
    services: Map<string, ServiceRow>;
  };
  /** Keys as `naturalKeys` builds them; device and VM names lowercased, as their unique indexes are. */
  byKey: {
    orgs: Map<string, OrgRow>;
    sites: Map<string, SiteRow>;
    racks: Map<string, RackRow>;
    devices: Map<string, DeviceRow>;
    pools: Map<string, PoolRow>;
    vms: Map<string, VmRow>;
    services: Map<string, ServiceRow>;
    dependencies: Map<string, DependencyRow>;
    backups: Map<string, BackupRow>;
  };
};

/** The natural keys the import upserts by, mirroring the unique indexes of the tables. */
export const naturalKeys = {
  site: (name: string) => name,
  rack: (siteName: string, rackName: string) => compositeKey(siteName, rackName),
  device: (name: string) => name.toLowerCase(),
  pool: (deviceName: string, poolName: string) => compositeKey(deviceName.toLowerCase(), poolName),
  vm: (name: string) => name.toLowerCase(),
  service: (vmName: string, serviceName: string) => compositeKey(vmName.toLowerCase(), serviceName),
  dependency: (parentId: string, childId: string) => compositeKey(parentId, childId),
  backup: (vmId: string, backupDeviceId: string) => compositeKey(vmId, backupDeviceId),
};

const byIdOf = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

/** Reads every inventory table. Call it inside the transaction that acts on the result. */
export async function loadInventoryState(db: DbOrTx): Promise<InventoryState> {
  const orgRows = await db.select({ id: orgs.id, slug: orgs.slug, kind: orgs.kind }).from(orgs);
  const siteRows = await db.select({ id: sites.id, name: sites.name, city: sites.city }).from(sites);
  const rackRows = await db.select({ id: racks.id, siteId: racks.siteId, name: racks.name, units: racks.units }).from(racks);
  const deviceRows = await db
    .select({
      id: devices.id,
      name: devices.name,
      kind: devices.kind,
      status: devices.status,
      rackId: devices.rackId,
      rackUnit: devices.rackUnit,
      heightUnits: devices.heightUnits,
      cores: devices.cores,
      memoryMb: devices.memoryMb,
      diskGb: devices.diskGb,
      managementAddress: devices.managementAddress,
    })
    .from(devices);
  const poolRows = await db.select().from(storagePools);
  const vmRows = await db
    .select({
      id: vms.id,
      orgId: vms.orgId,
      name: vms.name,
      environment: vms.environment,
      role: vms.role,
      hypervisorId: vms.hypervisorId,
      storagePoolId: vms.storagePoolId,
      vcpus: vms.vcpus,
      memoryMb: vms.memoryMb,
      diskGb: vms.diskGb,
      addresses: vms.addresses,
      status: vms.status,
      redundancyGroup: vms.redundancyGroup,
      driver: vms.driver,
      sshHost: vms.sshHost,
      sshPort: vms.sshPort,
      sshUser: vms.sshUser,
      sshHostKey: vms.sshHostKey,
    })
    .from(vms);
  const serviceRows = await db
    .select({
      id: services.id,
      vmId: services.vmId,
      orgId: services.orgId,
      kind: services.kind,
      name: services.name,
      ports: services.ports,
      retiredAt: services.retiredAt,
    })
    .from(services);
  const dependencyRows = await db
    .select({
      id: dependencies.id,
      parentKind: dependencies.parentKind,
      parentId: dependencies.parentId,
      childKind: dependencies.childKind,
      childId: dependencies.childId,
      redundancyGroup: dependencies.redundancyGroup,
    })
    .from(dependencies);
  const backupRows = await db
    .select({ id: backups.id, vmId: backups.vmId, backupDeviceId: backups.backupDeviceId, schedule: backups.schedule, retentionDays: backups.retentionDays })
    .from(backups);

  const byId = {
    orgs: byIdOf(orgRows),
    sites: byIdOf(siteRows),
    racks: byIdOf(rackRows),
    devices: byIdOf(deviceRows),
    pools: byIdOf(poolRows),
    vms: byIdOf(vmRows),
    services: byIdOf(serviceRows),
  };
  // Foreign keys guarantee the parents exist; the fallbacks only keep the types honest.
  const siteName = (id: string) => byId.sites.get(id)?.name ?? id;
  const deviceName = (id: string) => byId.devices.get(id)?.name ?? id;
  const vmName = (id: string) => byId.vms.get(id)?.name ?? id;

  return {
    orgs: orgRows,
    sites: siteRows,
    racks: rackRows,
    devices: deviceRows,
    pools: poolRows,
    vms: vmRows,
    services: serviceRows,
    dependencies: dependencyRows,
    backups: backupRows,
    byId,
    byKey: {
      orgs: new Map(orgRows.map((row) => [row.slug, row])),
      sites: new Map(siteRows.map((row) => [naturalKeys.site(row.name), row])),
      racks: new Map(rackRows.map((row) => [naturalKeys.rack(siteName(row.siteId), row.name), row])),
      devices: new Map(deviceRows.map((row) => [naturalKeys.device(row.name), row])),
      pools: new Map(poolRows.map((row) => [naturalKeys.pool(deviceName(row.deviceId), row.name), row])),
      vms: new Map(vmRows.map((row) => [naturalKeys.vm(row.name), row])),
      services: new Map(serviceRows.map((row) => [naturalKeys.service(vmName(row.vmId), row.name), row])),
      dependencies: new Map(dependencyRows.map((row) => [naturalKeys.dependency(row.parentId, row.childId), row])),
      backups: new Map(backupRows.map((row) => [naturalKeys.backup(row.vmId, row.backupDeviceId), row])),
    },
  };
}

export type NodeKind = DependencyRow["parentKind"];

/**
 * A stored node as the document names it (`kvm01`, `st01/ssd`, `acme-web01/nginx`), or null when
 * no row of that kind has the id: dependency ids carry no foreign key, so a stale edge can exist.
 */
export function storedNodeName(state: InventoryState, kind: NodeKind, id: string): string | null {
  switch (kind) {
    case "device":
      return state.byId.devices.get(id)?.name ?? null;
    case "vm":
      return state.byId.vms.get(id)?.name ?? null;
    case "storage_pool": {
      const pool = state.byId.pools.get(id);
      const device = pool && state.byId.devices.get(pool.deviceId);
      return pool && device ? scopedName(device.name, pool.name) : null;
    }
    case "service": {
      const service = state.byId.services.get(id);
      const vm = service && state.byId.vms.get(service.vmId);
      return service && vm ? scopedName(vm.name, service.name) : null;
    }
  }
}

/** A stored node's document name when its kind is not at hand (a cycle found in the graph). */
export function storedNodeNameById(state: InventoryState, id: string): string | null {
  for (const kind of ["device", "storage_pool", "vm", "service"] as const) {
    const name = storedNodeName(state, kind, id);
    if (name !== null) return name;
  }
  return null;
}
