import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, backups, dependencies, devices, orgs, racks, services, sites, storagePools } from "@/db/schema";
import { DomainError } from "@/server/errors";
import { deviceId, vmByName } from "@/server/inventory/testing";
import { actorFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { exportInventory } from "./export";
import type { InventoryDocument, InventoryDocumentInput } from "./format";
import { importInventory } from "./import";
import { MAX_LISTED_PROBLEMS } from "./problems";

const ADMIN = "admin@hostdesk.test";
const zero = { sites: 0, racks: 0, devices: 0, pools: 0, vms: 0, services: 0, dependencies: 0, backups: 0 };

/** A third site for Globex, with new hardware, that also leans on stored devices (rtr1, bk01). */
const amsterdam: InventoryDocumentInput = {
  version: 1,
  sites: [{ name: "AMS1", city: "Amsterdam" }],
  racks: [{ site: "AMS1", name: "C01" }],
  devices: [
    { name: "sw21", kind: "switch", rack: { site: "AMS1", rack: "C01", unit: 41 }, managementAddress: "10.21.1.41" },
    { name: "KVM21", kind: "hypervisor", rack: { site: "AMS1", rack: "C01", unit: 10 }, cores: 32, memoryMb: 256 * 1024, diskGb: 480 },
    { name: "st21", kind: "storage", rack: { site: "AMS1", rack: "C01", unit: 30 }, heightUnits: 4, cores: 16, memoryMb: 128 * 1024, diskGb: 32_000 },
  ],
  storagePools: [{ device: "st21", name: "st21-ssd", capacityGb: 4_000, reservedGb: 100 }],
  vms: [
    {
      org: "globex",
      name: "globex-ams-web01",
      role: "web",
      hypervisor: "kvm21",
      storagePool: { device: "st21", name: "st21-ssd" },
      vcpus: 2,
      memoryMb: 4096,
      diskGb: 40,
      addresses: ["10.40.0.10"],
      redundancyGroup: "web",
    },
    {
      org: "globex",
      name: "globex-ams-db01",
      role: "db",
      environment: "production",
      hypervisor: "kvm21",
      storagePool: { device: "st21", name: "st21-ssd" },
      vcpus: 4,
      memoryMb: 16_384,
      diskGb: 200,
      driver: "ssh",
      ssh: { host: "10.40.0.11", port: 2222, user: "deploy", hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKey" },
    },
  ],
  services: [
    { vm: "globex-ams-web01", name: "nginx", kind: "nginx", ports: [80, 443] },
    { vm: "globex-ams-db01", name: "postgresql", kind: "postgresql", ports: [5432] },
  ],
  dependencies: [
    { parent: { kind: "device", name: "rtr1" }, child: { kind: "device", name: "sw21" }, redundancyGroup: "uplink" },
    { parent: { kind: "device", name: "sw21" }, child: { kind: "device", name: "kvm21" } },
    { parent: { kind: "device", name: "sw21" }, child: { kind: "device", name: "st21" } },
    { parent: { kind: "service", name: "globex-ams-db01/postgresql" }, child: { kind: "service", name: "globex-ams-web01/nginx" } },
  ],
  backups: [{ vm: "globex-ams-db01", backupServer: "bk01", schedule: "15 3 * * *", retentionDays: 30 }],
};

/** Runs a call that must be refused, and proves it changed nothing at all. */
async function refusedUnchanged(call: () => Promise<unknown>): Promise<DomainError> {
  const before = await databaseFingerprint();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(DomainError);
  expect(await databaseFingerprint()).toEqual(before);
  return error as DomainError;
}

async function importAs(email: string, document: InventoryDocumentInput) {
  return importInventory(getDb(), await actorFor(email), document);
}

async function exported(): Promise<InventoryDocument> {
  return exportInventory(getDb(), await actorFor(ADMIN));
}

describe("importing an inventory document", () => {
  it("creates new rows linked by name to the document and to stored rows, and a second import changes nothing", async () => {
    const db = getDb();
    const summary = await importAs("engineer@hostdesk.test", amsterdam);
    expect(summary.created).toEqual({ sites: 1, racks: 1, devices: 3, pools: 1, vms: 2, services: 2, dependencies: 4, backups: 1 });
    expect(summary.updated).toEqual(zero);
    expect(summary.unchanged).toEqual(zero);

    const [site] = await db.select().from(sites).where(eq(sites.name, "AMS1"));
    const [rack] = await db.select().from(racks).where(eq(racks.siteId, site!.id));
    expect(rack).toMatchObject({ name: "C01", units: 42 });
    const kvm21 = await deviceId("kvm21");
    const [hypervisor] = await db.select().from(devices).where(eq(devices.id, kvm21));
    expect(hypervisor).toMatchObject({ kind: "hypervisor", status: "active", rackId: rack!.id, rackUnit: 10, cores: 32 });
    const [pool] = await db.select().from(storagePools).where(eq(storagePools.name, "st21-ssd"));
    expect(pool).toMatchObject({ deviceId: await deviceId("st21"), capacityGb: 4_000, reservedGb: 100 });

    const [globex] = await db.select().from(orgs).where(eq(orgs.slug, "globex"));
    const web = await vmByName("globex-ams-web01");
    expect(web).toMatchObject({ orgId: globex!.id, hypervisorId: kvm21, storagePoolId: pool!.id, status: "running", addresses: ["10.40.0.10"] });
    const database = await vmByName("globex-ams-db01");
    expect(database).toMatchObject({ driver: "ssh", sshHost: "10.40.0.11", sshPort: 2222, sshUser: "deploy" });
    const [nginx] = await db.select().from(services).where(and(eq(services.vmId, web.id), eq(services.name, "nginx")));
    expect(nginx).toMatchObject({ orgId: globex!.id, kind: "nginx", ports: [80, 443], retiredAt: null });
    const [postgres] = await db.select().from(services).where(eq(services.vmId, database.id));
    const [serviceEdge] = await db.select().from(dependencies).where(eq(dependencies.childId, nginx!.id));
    expect(serviceEdge).toMatchObject({ parentKind: "service", parentId: postgres!.id, childKind: "service" });
    const [uplink] = await db.select().from(dependencies).where(eq(dependencies.childId, await deviceId("sw21")));
    expect(uplink).toMatchObject({ parentId: await deviceId("rtr1"), redundancyGroup: "uplink" });
    const [backup] = await db.select().from(backups).where(eq(backups.vmId, database.id));
    expect(backup).toMatchObject({ backupDeviceId: await deviceId("bk01"), schedule: "15 3 * * *", retentionDays: 30 });

    const again = await importAs("engineer@hostdesk.test", amsterdam);
    expect(again.created).toEqual(zero);
    expect(again.updated).toEqual(zero);
    expect(again.unchanged).toEqual({ sites: 1, racks: 1, devices: 3, pools: 1, vms: 2, services: 2, dependencies: 4, backups: 1 });
  });

  it("counts a changed VM as updated, writes it, and audits the import once", async () => {
    const db = getDb();
    const document = await exported();
    const vm = document.vms.find((row) => row.name === "acme-web01")!;
    vm.memoryMb += 1024;
    const auditBefore = await db.select().from(auditEvents);

    const summary = await importAs(ADMIN, document);

    expect(summary.updated).toEqual({ ...zero, vms: 1 });
    expect(summary.created).toEqual(zero);
    expect(summary.unchanged.vms).toBe(document.vms.length - 1);
    expect((await vmByName("acme-web01")).memoryMb).toBe(vm.memoryMb);
    const auditAfter = await db.select().from(auditEvents).orderBy(desc(auditEvents.id));
    expect(auditAfter).toHaveLength(auditBefore.length + 1);
    expect(auditAfter[0]).toMatchObject({
      action: "inventory.imported",
      subjectType: "inventory",
      subjectId: "import",
      actorLabel: ADMIN,
      orgId: null,
      after: summary,
    });
  });

  it("retires a VM's services when the document retires the VM, and converges on the next export", async () => {
    const db = getDb();
    const document = await exported();
    document.vms.find((row) => row.name === "globex-ams-web01")!.status = "retired";
    document.services = document.services.filter((service) => service.vm !== "globex-ams-web01");
    document.dependencies = document.dependencies.filter((edge) => !edge.child.name.startsWith("globex-ams-web01/"));

    const summary = await importAs(ADMIN, document);
    expect(summary.updated).toEqual({ ...zero, vms: 1 });
    const web = await vmByName("globex-ams-web01");
    expect(web.status).toBe("retired");
    expect(await db.select().from(services).where(and(eq(services.vmId, web.id), isNull(services.retiredAt)))).toEqual([]);

    const after = await exported();
    expect(after.services.some((service) => service.vm === "globex-ams-web01")).toBe(false);
    const again = await importAs(ADMIN, after);
    expect(again.created).toEqual(zero);
    expect(again.updated).toEqual(zero);
  });

  it("refuses a dependency cycle, naming the row and the path, and changes nothing", async () => {
    const document = await exported();
    document.dependencies.push({ parent: { kind: "vm", name: "acme-web01" }, child: { kind: "device", name: "sw1" }, redundancyGroup: null });
    const error = await refusedUnchanged(() => importAs(ADMIN, document));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(`dependencies[${document.dependencies.length - 1}]: this would close a dependency cycle:`);
    expect(error.message).toContain("acme-web01 → sw1");
  });

  it("refuses a cycle made of implied edges too (a hypervisor that depends on a VM it runs)", async () => {
    const web = await vmByName("acme-web01");
    const [host] = await getDb().select().from(devices).where(eq(devices.id, web.hypervisorId));
    const error = await refusedUnchanged(() =>
      importAs(ADMIN, { version: 1, dependencies: [{ parent: { kind: "service", name: "acme-web01/nginx" }, child: { kind: "device", name: host!.name } }] }),
    );
    expect(error.message).toContain("dependencies[0]: this would close a dependency cycle:");
    expect(error.message).toMatch(new RegExp(`${host!.name} → acme-web01 → acme-web01/nginx → ${host!.name}|acme-web01/nginx → ${host!.name}`));
  });

  it("refuses unknown references, unknown orgs and wrong device kinds, with their paths", async () => {
    const error = await refusedUnchanged(() =>
      importAs(ADMIN, {
        version: 1,
        vms: [
          { org: "globex", name: "globex-new01", hypervisor: "kvm99", storagePool: { device: "st01", name: "st01-ssd" }, vcpus: 1, memoryMb: 1024, diskGb: 10 },
          { org: "initech", name: "globex-new02", hypervisor: "kvm01", storagePool: { device: "st01", name: "nvme" }, vcpus: 1, memoryMb: 1024, diskGb: 10 },
          { org: "globex", name: "globex-new03", hypervisor: "st01", storagePool: { device: "st01", name: "st01-ssd" }, vcpus: 1, memoryMb: 1024, diskGb: 10 },
          { org: "hostdesk", name: "globex-new04", hypervisor: "kvm01", storagePool: { device: "st01", name: "st01-ssd" }, vcpus: 1, memoryMb: 1024, diskGb: 10 },
          { org: "globex", name: "acme-web01", hypervisor: "kvm01", storagePool: { device: "st01", name: "st01-ssd" }, vcpus: 1, memoryMb: 1024, diskGb: 10 },
        ],
        storagePools: [{ device: "kvm01", name: "local", capacityGb: 100 }],
        services: [{ vm: "globex-ghost", name: "nginx", kind: "nginx" }],
        dependencies: [{ parent: { kind: "service", name: "nginx" }, child: { kind: "vm", name: "globex-new01" } }],
        backups: [{ vm: "acme-web01", backupServer: "kvm02", schedule: "0 1 * * *" }],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("nothing was changed");
    for (const line of [
      "vms[0].hypervisor: no device named kvm99 in the document or the database.",
      "vms[1].org: no organisation has the slug initech",
      "vms[1].storagePool: no storage pool st01/nvme in the document or the database.",
      "vms[2].hypervisor: st01 is a storage server, not a hypervisor",
      "vms[3].org: hostdesk is the provider's own organisation",
      "vms[4].org: acme-web01 belongs to acme; an import does not move VMs between organisations",
      "storagePools[0].device: kvm01 is a hypervisor, not a storage server",
      "services[0].vm: no VM named globex-ghost in the document or the database.",
      "dependencies[0].parent: name a service with its parent, like acme-web01/nginx.",
      "backups[0].backupServer: kvm02 is a hypervisor, not a backup server.",
    ]) {
      expect(error.message).toContain(line);
    }
  });

  it("refuses names that appear twice in the document", async () => {
    const vm = { org: "globex", name: "globex-twice", hypervisor: "kvm01", storagePool: { device: "st01", name: "st01-ssd" }, vcpus: 1, memoryMb: 1024, diskGb: 10 };
    const error = await refusedUnchanged(() =>
      importAs(ADMIN, { version: 1, sites: [{ name: "FRA1", city: "Frankfurt" }, { name: "FRA1", city: "Offenbach" }], vms: [vm, { ...vm, name: "GLOBEX-TWICE" }] }),
    );
    expect(error.message).toContain("sites[1].name: Site FRA1 appears more than once in the document (first at sites[0].name).");
    expect(error.message).toContain("vms[1].name: VM globex-twice appears more than once in the document (first at vms[0].name).");
  });

  it("refuses to change a device's kind while stored VMs still run on it", async () => {
    const error = await refusedUnchanged(() => importAs(ADMIN, { version: 1, devices: [{ name: "kvm01", kind: "router" }] }));
    expect(error.message).toMatch(/devices\[0\]\.kind: kvm01 cannot become a router while it still carries VM /);
  });

  it("refuses a malformed document with the JSON paths of its mistakes, at most twenty of them", async () => {
    const wrongVersion = await refusedUnchanged(() => importAs(ADMIN, { version: 2 } as unknown as InventoryDocumentInput));
    expect(wrongVersion.message).toContain("version: This importer reads version 1 documents.");

    const misspelt = await refusedUnchanged(() =>
      importAs(ADMIN, { version: 1, devices: [{ name: "kvm30", kind: "hypervisor", memoryMB: 1024 }] } as unknown as InventoryDocumentInput),
    );
    expect(misspelt.message).toContain("devices[0]");
    expect(misspelt.message).toContain("memoryMB");

    const noKey = await refusedUnchanged(() =>
      importAs(ADMIN, {
        version: 1,
        vms: [{ org: "acme", name: "acme-ssh01", hypervisor: "kvm01", storagePool: { device: "st01", name: "st01-ssd" }, vcpus: 1, memoryMb: 1024, diskGb: 10, driver: "ssh" }],
      }),
    );
    expect(noKey.message).toContain("vms[0].ssh: The ssh driver needs `ssh`");

    const many = Array.from({ length: 30 }, (_, i) => ({
      org: "acme",
      name: `acme-many${i}`,
      hypervisor: `nowhere${i}`,
      storagePool: { device: "st01", name: "st01-ssd" },
      vcpus: 1,
      memoryMb: 1024,
      diskGb: 10,
    }));
    const capped = await refusedUnchanged(() => importAs(ADMIN, { version: 1, vms: many }));
    expect(capped.message).toContain("Fix these 30 problems");
    expect(capped.message.split("\n").filter((line) => line.startsWith("- vms["))).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(capped.message).toContain("…and 10 more.");
  });

  it("lets only engineers and admins import: agents and customers are refused with FORBIDDEN", async () => {
    for (const email of ["agent@hostdesk.test", "am@hostdesk.test", "owner@globex.test", "dev@acme.test"]) {
      const error = await refusedUnchanged(() => importAs(email, amsterdam));
      expect(error.code, email).toBe("FORBIDDEN");
    }
  });
});
