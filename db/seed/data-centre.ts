import type { Tx } from "@/db/client";
import { backups, checklistItems, dependencies, devices, racks, services, sites, storagePools, vms } from "@/db/schema";

type DeviceRow = typeof devices.$inferSelect;
type Env = "production" | "staging" | "development";

/** A VM blueprint: role decides its services; group keeps redundant pairs on different hypervisors. */
type VmPlan = { name: string; role: string; env: Env; vcpus: number; memoryGb: number; diskGb: number; group?: string };

/** Every VM runs the monitoring agent besides what its role needs. */
const agent = { kind: "monitoring", name: "node-exporter", ports: [9100] };

const servicesByRole: Record<string, { kind: string; name: string; ports: number[] }[]> = {
  lb: [{ kind: "haproxy", name: "haproxy", ports: [80, 443] }],
  web: [
    { kind: "nginx", name: "nginx", ports: [80, 443] },
    { kind: "app", name: "shop", ports: [8080] },
  ],
  app: [
    { kind: "app", name: "api", ports: [8080] },
    { kind: "memcached", name: "memcached", ports: [11211] },
  ],
  db: [
    { kind: "postgresql", name: "postgresql", ports: [5432] },
    { kind: "pgbouncer", name: "pgbouncer", ports: [6432] },
  ],
  cache: [{ kind: "varnish", name: "varnish", ports: [6081] }],
  worker: [{ kind: "app", name: "jobs", ports: [] }],
  mail: [{ kind: "postfix", name: "postfix", ports: [25, 587] }],
};

function stack(prefix: string, env: Env, size: "large" | "small"): VmPlan[] {
  const big = size === "large";
  const p = env === "production" ? prefix : `${prefix}-${env === "staging" ? "stg" : "dev"}`;
  const plans: VmPlan[] = [];
  if (env === "production") {
    plans.push({ name: `${p}-lb01`, role: "lb", env, vcpus: 2, memoryGb: 4, diskGb: 20, group: "lb" });
    plans.push({ name: `${p}-lb02`, role: "lb", env, vcpus: 2, memoryGb: 4, diskGb: 20, group: "lb" });
  }
  const pairs = env === "production" ? (big ? 3 : 2) : 1;
  for (let i = 1; i <= pairs; i++) {
    plans.push({ name: `${p}-web0${i}`, role: "web", env, vcpus: big ? 4 : 2, memoryGb: big ? 8 : 4, diskGb: 40, group: "web" });
    plans.push({ name: `${p}-app0${i}`, role: "app", env, vcpus: big ? 8 : 4, memoryGb: big ? 16 : 8, diskGb: 60, group: "app" });
    plans.push({ name: `${p}-db0${i}`, role: "db", env, vcpus: big ? 8 : 4, memoryGb: big ? 32 : 16, diskGb: big ? 400 : 200, group: "db" });
  }
  plans.push({ name: `${p}-cache01`, role: "cache", env, vcpus: 2, memoryGb: 8, diskGb: 20 });
  if (env === "production") {
    plans.push({ name: `${p}-worker01`, role: "worker", env, vcpus: 4, memoryGb: 8, diskGb: 40 });
    plans.push({ name: `${p}-mail01`, role: "mail", env, vcpus: 2, memoryGb: 4, diskGb: 80 });
  }
  return plans;
}

/**
 * A believable small data centre: two sites, redundant routers, two switches, two storage servers
 * with pools, six hypervisors, two backup servers, and each demo customer's production, staging and
 * development VMs with their services, backups and dependency edges.
 */
export async function seedDataCentre(tx: Tx, customers: { acme: string; globex: string }, checkerUserId: string): Promise<void> {
  const [fra, ber] = await tx
    .insert(sites)
    .values([
      { name: "FRA1", city: "Frankfurt am Main" },
      { name: "BER1", city: "Berlin" },
    ])
    .returning();
  const [a01, a02, b01] = await tx
    .insert(racks)
    .values([
      { siteId: fra!.id, name: "A01" },
      { siteId: fra!.id, name: "A02" },
      { siteId: ber!.id, name: "B01" },
    ])
    .returning();

  const device = (name: string, kind: DeviceRow["kind"], rackId: string, rackUnit: number, resources: Partial<DeviceRow> = {}) => ({
    name,
    kind,
    rackId,
    rackUnit,
    managementAddress: `10.0.${kind === "router" ? 0 : kind === "switch" ? 1 : kind === "storage" ? 2 : kind === "backup" ? 4 : 3}.${rackUnit}`,
    ...resources,
  });
  const hv = { cores: 32, memoryMb: 256 * 1024, diskGb: 480, heightUnits: 1 };
  const inserted = await tx
    .insert(devices)
    .values([
      device("rtr1", "router", a01!.id, 42),
      device("rtr2", "router", a02!.id, 42),
      device("sw1", "switch", a01!.id, 41),
      device("sw2", "switch", a02!.id, 41),
      device("st01", "storage", a01!.id, 30, { cores: 16, memoryMb: 128 * 1024, diskGb: 32_000, heightUnits: 4 }),
      device("st02", "storage", a02!.id, 30, { cores: 16, memoryMb: 128 * 1024, diskGb: 32_000, heightUnits: 4 }),
      device("kvm01", "hypervisor", a01!.id, 10, hv),
      device("kvm02", "hypervisor", a01!.id, 11, hv),
      device("kvm03", "hypervisor", a01!.id, 12, hv),
      device("kvm04", "hypervisor", a02!.id, 10, hv),
      device("kvm05", "hypervisor", a02!.id, 11, hv),
      device("kvm06", "hypervisor", a02!.id, 12, { ...hv, status: "maintenance" as const }),
      device("bk01", "backup", b01!.id, 20, { cores: 8, memoryMb: 64 * 1024, diskGb: 48_000, heightUnits: 4 }),
      device("bk02", "backup", b01!.id, 24, { cores: 8, memoryMb: 64 * 1024, diskGb: 48_000, heightUnits: 4 }),
    ])
    .returning();
  const byName = new Map(inserted.map((d) => [d.name, d]));
  const id = (name: string) => byName.get(name)!.id;

  const pools = await tx
    .insert(storagePools)
    .values([
      { deviceId: id("st01"), name: "st01-ssd", capacityGb: 4_000, reservedGb: 300 },
      { deviceId: id("st01"), name: "st01-hdd", capacityGb: 20_000, reservedGb: 500 },
      { deviceId: id("st02"), name: "st02-ssd", capacityGb: 6_000, reservedGb: 200 },
    ])
    .returning();
  const poolId = (name: string) => pools.find((p) => p.name === name)!.id;

  // Network: each switch hangs on both routers (one redundancy group); hosts hang on their rack's switch.
  const edge = (parentKind: "device", parent: string, child: string, redundancyGroup: string | null = null) => ({
    parentKind,
    parentId: id(parent),
    childKind: "device" as const,
    childId: id(child),
    redundancyGroup,
  });
  await tx.insert(dependencies).values([
    edge("device", "rtr1", "sw1", "uplink"),
    edge("device", "rtr2", "sw1", "uplink"),
    edge("device", "rtr1", "sw2", "uplink"),
    edge("device", "rtr2", "sw2", "uplink"),
    edge("device", "sw1", "st01"),
    edge("device", "sw2", "st02"),
    edge("device", "sw1", "kvm01"),
    edge("device", "sw1", "kvm02"),
    edge("device", "sw1", "kvm03"),
    edge("device", "sw2", "kvm04"),
    edge("device", "sw2", "kvm05"),
    edge("device", "sw2", "kvm06"),
    edge("device", "sw2", "bk01"),
    edge("device", "sw2", "bk02"),
  ]);

  // Redundant pairs alternate between the two racks; everything else fills the least used hosts.
  const hosts = ["kvm01", "kvm04", "kvm02", "kvm05", "kvm03"];
  const plans = [
    ...stack("acme", "production", "large").map((p) => ({ ...p, orgId: customers.acme })),
    ...stack("acme", "staging", "small").map((p) => ({ ...p, orgId: customers.acme })),
    ...stack("acme", "development", "small").map((p) => ({ ...p, orgId: customers.acme })).slice(0, 2),
    ...stack("globex", "production", "small").map((p) => ({ ...p, orgId: customers.globex })),
    ...stack("globex", "staging", "small").map((p) => ({ ...p, orgId: customers.globex })),
    ...stack("globex", "development", "small").map((p) => ({ ...p, orgId: customers.globex })).slice(0, 2),
  ];
  let next = 0;
  const vmRows = plans.map((plan, index) => {
    const host = hosts[next++ % hosts.length]!;
    const pool = plan.role === "db" ? (plan.env === "production" ? "st01-ssd" : "st02-ssd") : index % 3 === 0 ? "st01-hdd" : "st02-ssd";
    return {
      orgId: plan.orgId,
      name: plan.name,
      role: plan.role,
      environment: plan.env,
      hypervisorId: id(host),
      storagePoolId: poolId(pool),
      vcpus: plan.vcpus,
      memoryMb: plan.memoryGb * 1024,
      diskGb: plan.diskGb,
      addresses: [`10.${plan.orgId === customers.acme ? 20 : 30}.${index}.10`],
      redundancyGroup: plan.group ?? null,
    };
  });
  const createdVms = await tx.insert(vms).values(vmRows).returning();

  const serviceRows = createdVms.flatMap((vm) =>
    [...(servicesByRole[vm.role] ?? []), agent].map((s) => ({ vmId: vm.id, orgId: vm.orgId, kind: s.kind, name: s.name, ports: s.ports })),
  );
  const createdServices = await tx.insert(services).values(serviceRows).returning();

  const day = 86_400_000;
  await tx.insert(backups).values(
    createdVms
      .filter((vm) => vm.environment === "production" && ["db", "app", "mail"].includes(vm.role))
      .map((vm, i) => ({
        vmId: vm.id,
        backupDeviceId: id(i % 2 === 0 ? "bk01" : "bk02"),
        schedule: `${(i * 7) % 60} 2 * * *`,
        retentionDays: vm.role === "db" ? 30 : 14,
        // One stale backup, so the checklist has something honest to flag.
        lastSuccessAt: new Date(Date.now() - (i === 1 ? 4 * day : day / 3)),
        lastSizeGb: Math.round(vm.diskGb * 0.6),
      })),
  );

  await tx.insert(checklistItems).values(
    createdServices
      .filter((s) => s.kind === "postgresql" || s.kind === "nginx")
      .flatMap((s) => [
        { serviceId: s.id, item: "log_rotation", checkedBy: checkerUserId },
        { serviceId: s.id, item: "startup_shutdown", checkedBy: checkerUserId },
      ]),
  );
}
