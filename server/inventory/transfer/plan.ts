import { randomUUID } from "node:crypto";
import type { InventoryDocument } from "./format";
import {
  naturalKeys,
  type BackupRow,
  type DependencyRow,
  type DeviceRow,
  type InventoryState,
  type PoolRow,
  type RackRow,
  type ServiceRow,
  type SiteRow,
  type VmRow,
} from "./inventory-state";
import { ImportProblems } from "./problems";
import { scopedName } from "./references";
import { DocumentResolver } from "./resolver";
import { emptySummary, type ImportSection, type ImportSummary } from "./summary";
import { deviceKindInWords as kindInWords } from "../device-kind-words";

/**
 * Rows to write, created and updated alike, each complete and with its final id, so that one upsert
 * by id writes both kinds in the same batch.
 */
export type PlannedWrites = {
  sites: SiteRow[];
  racks: RackRow[];
  devices: DeviceRow[];
  pools: PoolRow[];
  vms: VmRow[];
  services: ServiceRow[];
  dependencies: DependencyRow[];
  backups: BackupRow[];
};

export type ImportPlan = {
  summary: ImportSummary;
  writes: PlannedWrites;
  /** VMs this import retires: their services retire with them, as when staff retire a VM by hand. */
  newlyRetiredVmIds: string[];
  resolver: DocumentResolver;
};

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** Whether the stored row already holds every value the document gives it. */
function holdsAll(stored: object, wanted: object): boolean {
  const current = stored as Record<string, unknown>;
  return Object.entries(wanted).every(([field, value]) => sameValue(current[field], value));
}

/**
 * Checks the document against itself and the database and works out what to write, without
 * writing anything. Returns every problem found (refusing the whole import) or the plan.
 */
export function planImport(document: InventoryDocument, state: InventoryState): { plan: ImportPlan } | { problems: ImportProblems } {
  const problems = new ImportProblems();
  const resolver = new DocumentResolver(document, state, problems);
  const { byKey, byId } = state;
  const summary = emptySummary();
  const writes: PlannedWrites = { sites: [], racks: [], devices: [], pools: [], vms: [], services: [], dependencies: [], backups: [] };
  const newlyRetiredVmIds: string[] = [];
  const unknown = (what: string) => `no ${what} in the document or the database.`;

  // Rows that exist and hold the same values are counted, not written: a re-import touches nothing.
  const tally = <Row extends { id: string }>(section: ImportSection, stored: object | undefined, wanted: Row, into: Row[]) => {
    if (!stored) {
      summary.created[section]++;
      into.push(wanted);
    } else if (holdsAll(stored, wanted)) {
      summary.unchanged[section]++;
    } else {
      summary.updated[section]++;
      into.push(wanted);
    }
  };

  document.sites.forEach((site, i) => {
    tally("sites", byKey.sites.get(naturalKeys.site(site.name)), { id: resolver.ids.sites[i]!, name: site.name, city: site.city }, writes.sites);
  });

  document.racks.forEach((rack, i) => {
    const siteId = resolver.siteId(rack.site);
    if (!siteId) return problems.add(`racks[${i}].site`, unknown(`site named ${rack.site}`));
    const wanted = { id: resolver.ids.racks[i]!, siteId, name: rack.name, units: rack.units };
    tally("racks", byKey.racks.get(naturalKeys.rack(rack.site, rack.name)), wanted, writes.racks);
  });

  document.devices.forEach((device, i) => {
    let rackId: string | null = null;
    if (device.rack) {
      const rack = resolver.rack(device.rack.site, device.rack.rack);
      if (!rack) return problems.add(`devices[${i}].rack`, unknown(`rack ${device.rack.rack} in site ${device.rack.site}`));
      const top = (device.rack.unit ?? 1) + device.heightUnits - 1;
      if (top > rack.units) {
        return problems.add(
          `devices[${i}].rack.unit`,
          `${device.name} is ${device.heightUnits} units high and would reach unit ${top}, but rack ${device.rack.rack} has ${rack.units} units.`,
        );
      }
      rackId = rack.id;
    }
    const wanted = {
      id: resolver.ids.devices[i]!,
      name: device.name,
      kind: device.kind,
      status: device.status,
      rackId,
      rackUnit: device.rack?.unit ?? null,
      heightUnits: device.heightUnits,
      cores: device.cores,
      memoryMb: device.memoryMb,
      diskGb: device.diskGb,
      managementAddress: device.managementAddress,
    };
    tally("devices", byKey.devices.get(naturalKeys.device(device.name)), wanted, writes.devices);
  });

  document.storagePools.forEach((pool, i) => {
    const device = resolver.device(pool.device);
    if (!device) return problems.add(`storagePools[${i}].device`, unknown(`device named ${pool.device}`));
    if (device.kind !== "storage") {
      return problems.add(`storagePools[${i}].device`, `${device.name} is ${kindInWords[device.kind]}, not a storage server; pools live on storage servers.`);
    }
    const wanted = { id: resolver.ids.pools[i]!, deviceId: device.id, name: pool.name, capacityGb: pool.capacityGb, reservedGb: pool.reservedGb };
    tally("pools", byKey.pools.get(naturalKeys.pool(pool.device, pool.name)), wanted, writes.pools);
  });

  document.vms.forEach((vm, i) => {
    const path = `vms[${i}]`;
    const before = byKey.vms.get(naturalKeys.vm(vm.name));
    const org = byKey.orgs.get(vm.org);
    const hypervisor = resolver.device(vm.hypervisor);
    const storagePoolId = resolver.poolId(vm.storagePool.device, vm.storagePool.name);
    const found = problems.count;
    if (!org) problems.add(`${path}.org`, `no organisation has the slug ${vm.org}; create it first or correct the slug.`);
    else if (org.kind !== "customer") problems.add(`${path}.org`, `${vm.org} is the provider's own organisation; VMs belong to customer organisations.`);
    else if (before && before.orgId !== org.id) {
      const owner = byId.orgs.get(before.orgId)?.slug ?? before.orgId;
      problems.add(
        `${path}.org`,
        `${vm.name} belongs to ${owner}; an import does not move VMs between organisations (their tickets and grants would stay behind). Keep ${owner} or use another VM name.`,
      );
    }
    if (!hypervisor) problems.add(`${path}.hypervisor`, unknown(`device named ${vm.hypervisor}`));
    else if (hypervisor.kind !== "hypervisor") {
      problems.add(`${path}.hypervisor`, `${hypervisor.name} is ${kindInWords[hypervisor.kind]}, not a hypervisor; VMs run on hypervisors.`);
    }
    if (!storagePoolId) problems.add(`${path}.storagePool`, unknown(`storage pool ${scopedName(vm.storagePool.device, vm.storagePool.name)}`));
    if (problems.count > found || !org || !hypervisor || !storagePoolId) return;

    const wanted = {
      id: resolver.ids.vms[i]!,
      orgId: org.id,
      name: vm.name,
      environment: vm.environment,
      role: vm.role,
      hypervisorId: hypervisor.id,
      storagePoolId,
      vcpus: vm.vcpus,
      memoryMb: vm.memoryMb,
      diskGb: vm.diskGb,
      addresses: vm.addresses,
      status: vm.status,
      redundancyGroup: vm.redundancyGroup,
      driver: vm.driver,
      sshHost: vm.ssh?.host ?? null,
      sshPort: vm.ssh?.port ?? null,
      sshUser: vm.ssh?.user ?? null,
      sshHostKey: vm.ssh?.hostKey ?? null,
    };
    if (before && before.status !== "retired" && vm.status === "retired") newlyRetiredVmIds.push(before.id);
    tally("vms", before, wanted, writes.vms);
  });

  document.services.forEach((service, i) => {
    const vm = resolver.vm(service.vm);
    if (!vm) return problems.add(`services[${i}].vm`, unknown(`VM named ${service.vm}`));
    if (vm.status === "retired") {
      return problems.add(`services[${i}].vm`, `${vm.name} is retired, and a retired VM runs no services: leave its services out or change its status.`);
    }
    // Reported at the VM already; the service cannot be placed without its org.
    if (vm.orgId === null) return;
    // Listing a retired service brings it back: the document says it runs.
    const wanted = { id: resolver.ids.services[i]!, vmId: vm.id, orgId: vm.orgId, kind: service.kind, name: service.name, ports: service.ports, retiredAt: null };
    tally("services", byKey.services.get(naturalKeys.service(service.vm, service.name)), wanted, writes.services);
  });

  const edgePaths = new Map<string, string>();
  document.dependencies.forEach((edge, i) => {
    const path = `dependencies[${i}]`;
    const parent = resolver.node(edge.parent);
    const child = resolver.node(edge.child);
    if ("problem" in parent) problems.add(`${path}.parent`, parent.problem);
    if ("problem" in child) problems.add(`${path}.child`, child.problem);
    if ("problem" in parent || "problem" in child) return;
    if (parent.id === child.id) return problems.add(path, `${edge.parent.name} cannot depend on itself.`);
    const key = naturalKeys.dependency(parent.id, child.id);
    const first = edgePaths.get(key);
    if (first) return problems.add(path, `the edge ${edge.parent.name} → ${edge.child.name} appears more than once in the document (first at ${first}).`);
    edgePaths.set(key, path);
    const stored = byKey.dependencies.get(key);
    const wanted = {
      id: stored?.id ?? randomUUID(),
      parentKind: edge.parent.kind,
      parentId: parent.id,
      childKind: edge.child.kind,
      childId: child.id,
      redundancyGroup: edge.redundancyGroup,
    };
    tally("dependencies", stored, wanted, writes.dependencies);
  });

  const backupPaths = new Map<string, string>();
  document.backups.forEach((backup, i) => {
    const path = `backups[${i}]`;
    const vm = resolver.vm(backup.vm);
    const server = resolver.device(backup.backupServer);
    if (!vm) problems.add(`${path}.vm`, unknown(`VM named ${backup.vm}`));
    if (!server) problems.add(`${path}.backupServer`, unknown(`device named ${backup.backupServer}`));
    else if (server.kind !== "backup") problems.add(`${path}.backupServer`, `${server.name} is ${kindInWords[server.kind]}, not a backup server.`);
    if (!vm || !server || server.kind !== "backup") return;
    const key = naturalKeys.backup(vm.id, server.id);
    const first = backupPaths.get(key);
    if (first) return problems.add(path, `the backup of ${vm.name} to ${server.name} appears more than once in the document (first at ${first}).`);
    backupPaths.set(key, path);
    const stored = byKey.backups.get(key);
    const wanted = { id: stored?.id ?? randomUUID(), vmId: vm.id, backupDeviceId: server.id, schedule: backup.schedule, retentionDays: backup.retentionDays };
    tally("backups", stored, wanted, writes.backups);
  });

  checkDeviceKindChanges(document, state, resolver, problems);

  if (problems.count > 0) return { problems };
  return { plan: { summary, writes, newlyRetiredVmIds, resolver } };
}

/**
 * A device may change kind only when nothing stored but left out of the document still needs the
 * old kind: a hypervisor keeps its running VMs, a storage server its pools (the same rule as
 * editing a device by hand). Rows in the document were checked against the new kind already.
 */
function checkDeviceKindChanges(document: InventoryDocument, state: InventoryState, resolver: DocumentResolver, problems: ImportProblems) {
  const changed = new Map<string, { index: number; name: string; kind: DeviceRow["kind"] }>();
  document.devices.forEach((device, index) => {
    const stored = state.byKey.devices.get(naturalKeys.device(device.name));
    if (stored && stored.kind !== device.kind) changed.set(stored.id, { index, name: device.name, kind: device.kind });
  });
  if (changed.size === 0) return;

  const vmsInDocument = new Set(resolver.ids.vms);
  const poolsInDocument = new Set(resolver.ids.pools);
  const leftBehind = new Map<string, string[]>();
  const note = (deviceId: string, what: string) => leftBehind.set(deviceId, [...(leftBehind.get(deviceId) ?? []), what]);
  for (const vm of state.vms) {
    const device = changed.get(vm.hypervisorId);
    if (device && device.kind !== "hypervisor" && vm.status !== "retired" && !vmsInDocument.has(vm.id)) note(vm.hypervisorId, `VM ${vm.name}`);
  }
  for (const pool of state.pools) {
    const device = changed.get(pool.deviceId);
    if (device && device.kind !== "storage" && !poolsInDocument.has(pool.id)) note(pool.deviceId, `storage pool ${pool.name}`);
  }
  for (const [deviceId, what] of leftBehind) {
    const device = changed.get(deviceId)!;
    const listed = what.length > 3 ? `${what.slice(0, 3).join(", ")} and ${what.length - 3} more` : what.join(", ");
    problems.add(
      `devices[${device.index}].kind`,
      `${device.name} cannot become ${kindInWords[device.kind]} while it still carries ${listed}; move them in the document first.`,
    );
  }
}
