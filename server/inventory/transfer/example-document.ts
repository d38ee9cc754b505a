import type { InventoryDocumentInput } from "./format";

// Shared by this folder's tests only: documents to import, built in code so their size can vary.

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * A generated data centre with new names throughout (prefix `gen`): one site, enough hypervisors
 * for `vmCount` VMs at 40 per host, storage servers with two pools each, two backup servers, and
 * VMs alternating between Acme and Globex, each with `servicesPerVm` services. Every fourth VM is a
 * database that the three before it depend on; every tenth VM is backed up.
 */
export function generatedDataCentre(vmCount: number, servicesPerVm = 4): InventoryDocumentInput {
  const hypervisors = Math.max(1, Math.ceil(vmCount / 40));
  const storageServers = Math.max(1, Math.ceil(hypervisors / 10));
  const switches = Math.max(1, Math.ceil(hypervisors / 20));
  const deviceNames = [
    ...Array.from({ length: switches }, (_, i) => ({ name: `gen-sw${pad(i + 1, 2)}`, kind: "switch" as const })),
    ...Array.from({ length: hypervisors }, (_, i) => ({ name: `gen-kvm${pad(i + 1, 4)}`, kind: "hypervisor" as const })),
    ...Array.from({ length: storageServers }, (_, i) => ({ name: `gen-st${pad(i + 1, 2)}`, kind: "storage" as const })),
    { name: "gen-bk01", kind: "backup" as const },
    { name: "gen-bk02", kind: "backup" as const },
  ];
  const perRack = 20;
  const rackCount = Math.ceil(deviceNames.length / perRack);
  const racks = Array.from({ length: rackCount }, (_, i) => ({ site: "GEN1", name: `G${pad(i + 1, 3)}`, units: 42 }));
  const devices = deviceNames.map((device, i) => ({
    ...device,
    rack: { site: "GEN1", rack: racks[Math.floor(i / perRack)]!.name, unit: (i % perRack) * 2 + 1 },
    cores: device.kind === "hypervisor" ? 64 : 8,
    memoryMb: device.kind === "hypervisor" ? 512 * 1024 : 64 * 1024,
    diskGb: device.kind === "storage" || device.kind === "backup" ? 64_000 : 480,
    managementAddress: `10.99.${Math.floor(i / 250)}.${(i % 250) + 1}`,
  }));
  const storagePools = Array.from({ length: storageServers }, (_, i) =>
    ["ssd", "hdd"].map((medium) => ({ device: `gen-st${pad(i + 1, 2)}`, name: `gen-st${pad(i + 1, 2)}-${medium}`, capacityGb: 40_000, reservedGb: 500 })),
  ).flat();

  const vmName = (i: number) => `gen-vm${pad(i + 1, 6)}`;
  const vms = Array.from({ length: vmCount }, (_, i) => {
    const pool = storagePools[i % storagePools.length]!;
    return {
      org: i % 2 === 0 ? "acme" : "globex",
      name: vmName(i),
      environment: i % 5 === 0 ? ("staging" as const) : ("production" as const),
      role: i % 4 === 3 ? "db" : "web",
      hypervisor: `gen-kvm${pad((i % hypervisors) + 1, 4)}`,
      storagePool: { device: pool.device, name: pool.name },
      vcpus: 2,
      memoryMb: 4096,
      diskGb: 40,
      addresses: [`10.${100 + Math.floor(i / 65_536)}.${Math.floor(i / 256) % 256}.${i % 256}`],
      redundancyGroup: i % 4 === 3 ? "db" : null,
    };
  });
  const services = vms.flatMap((vm) =>
    Array.from({ length: servicesPerVm }, (_, s) => ({ vm: vm.name, name: `svc${s + 1}`, kind: s === 0 ? "nginx" : "app", ports: [8000 + s] })),
  );
  const dependencies = [
    ...Array.from({ length: hypervisors }, (_, i) => ({
      parent: { kind: "device" as const, name: `gen-sw${pad(Math.floor(i / 20) + 1, 2)}` },
      child: { kind: "device" as const, name: `gen-kvm${pad(i + 1, 4)}` },
    })),
    ...vms
      .map((vm, i) => ({ vm, i }))
      .filter(({ i }) => i % 4 !== 3 && i - (i % 4) + 3 < vmCount)
      .map(({ vm, i }) => ({ parent: { kind: "vm" as const, name: vmName(i - (i % 4) + 3) }, child: { kind: "vm" as const, name: vm.name } })),
  ];
  const backups = vms
    .filter((_, i) => i % 10 === 0)
    .map((vm, i) => ({ vm: vm.name, backupServer: i % 2 === 0 ? "gen-bk01" : "gen-bk02", schedule: `${i % 60} 2 * * *`, retentionDays: 14 }));

  return { version: 1, sites: [{ name: "GEN1", city: "Generated" }], racks, devices, storagePools, vms, services, dependencies, backups };
}
