import { randomUUID } from "node:crypto";
import type { InventoryDocument } from "./format";
import { naturalKeys, type DeviceRow, type InventoryState, type NodeKind, type VmRow } from "./inventory-state";
import type { ImportProblems } from "./problems";
import { scopedName, splitScopedName } from "./references";

export type ResolvedDevice = { id: string; name: string; kind: DeviceRow["kind"] };
export type ResolvedVm = { id: string; name: string; orgId: string | null; status: VmRow["status"] };
export type ResolvedRack = { id: string; units: number };

/** Each document row's id: the stored row's when its natural key exists, else a fresh one. */
export type DocumentIds = Record<"sites" | "racks" | "devices" | "pools" | "vms" | "services", string[]>;

const nodeWords: Record<NodeKind, string> = { device: "device", storage_pool: "storage pool", vm: "VM", service: "service" };
const scopedExample: Partial<Record<NodeKind, string>> = { storage_pool: "st01/ssd", service: "acme-web01/nginx" };

/**
 * Looks names up the way the import promises: in the document first (what the inventory will be),
 * then in the database (what it is). Every document row gets its id up front — the stored row's,
 * or a new UUID — so references to rows that do not exist yet resolve, rows can be written in
 * multi-row batches without reading ids back, and the cycle check can run before anything is written.
 */
export class DocumentResolver {
  readonly ids: DocumentIds = { sites: [], racks: [], devices: [], pools: [], vms: [], services: [] };
  /** Document names of the document's graph nodes, for messages about new nodes. */
  readonly nodeNames = new Map<string, string>();

  private readonly sites = new Map<string, string>();
  private readonly racks = new Map<string, ResolvedRack>();
  private readonly devices = new Map<string, ResolvedDevice>();
  private readonly pools = new Map<string, string>();
  private readonly vms = new Map<string, ResolvedVm>();
  private readonly services = new Map<string, string>();

  constructor(
    document: InventoryDocument,
    private readonly state: InventoryState,
    problems: ImportProblems,
  ) {
    const { byKey } = state;
    // The first occurrence of a key wins; later ones are reported and keep the first one's id so
    // that nothing else cascades into extra problems.
    const register = <V>(map: Map<string, V>, key: string, value: V, path: string, what: string, firstPaths: Map<string, string>): V => {
      const earlier = map.get(key);
      if (earlier !== undefined) {
        problems.add(path, `${what} appears more than once in the document (first at ${firstPaths.get(key)}).`);
        return earlier;
      }
      map.set(key, value);
      firstPaths.set(key, path);
      return value;
    };

    const sitePaths = new Map<string, string>();
    document.sites.forEach((site, i) => {
      const key = naturalKeys.site(site.name);
      const id = register(this.sites, key, byKey.sites.get(key)?.id ?? randomUUID(), `sites[${i}].name`, `Site ${site.name}`, sitePaths);
      this.ids.sites.push(id);
    });

    const rackPaths = new Map<string, string>();
    document.racks.forEach((rack, i) => {
      const key = naturalKeys.rack(rack.site, rack.name);
      const resolved = { id: byKey.racks.get(key)?.id ?? randomUUID(), units: rack.units };
      this.ids.racks.push(register(this.racks, key, resolved, `racks[${i}].name`, `Rack ${rack.name} in site ${rack.site}`, rackPaths).id);
    });

    const devicePaths = new Map<string, string>();
    document.devices.forEach((device, i) => {
      const key = naturalKeys.device(device.name);
      const resolved = { id: byKey.devices.get(key)?.id ?? randomUUID(), name: device.name, kind: device.kind };
      const id = register(this.devices, key, resolved, `devices[${i}].name`, `Device ${device.name}`, devicePaths).id;
      this.ids.devices.push(id);
      this.nodeNames.set(id, device.name);
    });

    const poolPaths = new Map<string, string>();
    document.storagePools.forEach((pool, i) => {
      const key = naturalKeys.pool(pool.device, pool.name);
      const name = scopedName(pool.device, pool.name);
      const id = register(this.pools, key, byKey.pools.get(key)?.id ?? randomUUID(), `storagePools[${i}].name`, `Storage pool ${name}`, poolPaths);
      this.ids.pools.push(id);
      this.nodeNames.set(id, name);
    });

    const vmPaths = new Map<string, string>();
    document.vms.forEach((vm, i) => {
      const key = naturalKeys.vm(vm.name);
      const resolved = { id: byKey.vms.get(key)?.id ?? randomUUID(), name: vm.name, orgId: byKey.orgs.get(vm.org)?.id ?? null, status: vm.status };
      const id = register(this.vms, key, resolved, `vms[${i}].name`, `VM ${vm.name}`, vmPaths).id;
      this.ids.vms.push(id);
      this.nodeNames.set(id, vm.name);
    });

    const servicePaths = new Map<string, string>();
    document.services.forEach((service, i) => {
      const key = naturalKeys.service(service.vm, service.name);
      const name = scopedName(service.vm, service.name);
      const id = register(this.services, key, byKey.services.get(key)?.id ?? randomUUID(), `services[${i}].name`, `Service ${name}`, servicePaths);
      this.ids.services.push(id);
      this.nodeNames.set(id, name);
    });
  }

  siteId(name: string): string | undefined {
    const key = naturalKeys.site(name);
    return this.sites.get(key) ?? this.state.byKey.sites.get(key)?.id;
  }

  rack(site: string, name: string): ResolvedRack | undefined {
    const key = naturalKeys.rack(site, name);
    const stored = this.state.byKey.racks.get(key);
    return this.racks.get(key) ?? (stored && { id: stored.id, units: stored.units });
  }

  device(name: string): ResolvedDevice | undefined {
    const key = naturalKeys.device(name);
    const stored = this.state.byKey.devices.get(key);
    return this.devices.get(key) ?? (stored && { id: stored.id, name: stored.name, kind: stored.kind });
  }

  poolId(device: string, name: string): string | undefined {
    const key = naturalKeys.pool(device, name);
    return this.pools.get(key) ?? this.state.byKey.pools.get(key)?.id;
  }

  vm(name: string): ResolvedVm | undefined {
    const key = naturalKeys.vm(name);
    const stored = this.state.byKey.vms.get(key);
    return this.vms.get(key) ?? (stored && { id: stored.id, name: stored.name, orgId: stored.orgId, status: stored.status });
  }

  serviceId(vm: string, name: string): string | undefined {
    const key = naturalKeys.service(vm, name);
    return this.services.get(key) ?? this.state.byKey.services.get(key)?.id;
  }

  /** A dependency end: its id, or why it cannot be found (said so the reader can fix the name). */
  node(ref: { kind: NodeKind; name: string }): { id: string } | { problem: string } {
    const missing = { problem: `no ${nodeWords[ref.kind]} named ${ref.name} in the document or the database.` };
    if (ref.kind === "device" || ref.kind === "vm") {
      const found = ref.kind === "device" ? this.device(ref.name) : this.vm(ref.name);
      return found ? { id: found.id } : missing;
    }
    const parts = splitScopedName(ref.name);
    if (!parts) return { problem: `name a ${nodeWords[ref.kind]} with its parent, like ${scopedExample[ref.kind]}.` };
    const id = ref.kind === "storage_pool" ? this.poolId(parts.parent, parts.child) : this.serviceId(parts.parent, parts.child);
    return id ? { id } : missing;
  }
}
