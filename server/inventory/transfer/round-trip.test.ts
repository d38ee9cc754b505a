import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { DomainError } from "@/server/errors";
import { actorFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { exportInventory } from "./export";
import { importInventory } from "./import";

describe("exporting and re-importing the demo data centre", () => {
  it("exports every part of the inventory by name, sorted, with only the explicit dependencies", async () => {
    const document = await exportInventory(getDb(), await actorFor("agent@hostdesk.test"));
    expect(document.version).toBe(1);
    expect(document.sites).toEqual([
      { name: "BER1", city: "Berlin" },
      { name: "FRA1", city: "Frankfurt am Main" },
    ]);
    expect(document.racks.map((r) => `${r.site}/${r.name}`)).toEqual(["BER1/B01", "FRA1/A01", "FRA1/A02"]);
    expect(document.devices.map((d) => d.name)).toEqual([
      "bk01",
      "bk02",
      "kvm01",
      "kvm02",
      "kvm03",
      "kvm04",
      "kvm05",
      "kvm06",
      "rtr1",
      "rtr2",
      "st01",
      "st02",
      "sw1",
      "sw2",
    ]);
    expect(document.devices.find((d) => d.name === "st01")).toEqual({
      name: "st01",
      kind: "storage",
      status: "active",
      rack: { site: "FRA1", rack: "A01", unit: 30 },
      heightUnits: 4,
      cores: 16,
      memoryMb: 128 * 1024,
      diskGb: 32_000,
      managementAddress: "10.0.2.30",
    });
    expect(document.storagePools.map((p) => `${p.device}/${p.name}`)).toEqual(["st01/st01-hdd", "st01/st01-ssd", "st02/st02-ssd"]);
    const web = document.vms.find((vm) => vm.name === "acme-web01");
    expect(web).toMatchObject({ org: "acme", role: "web", environment: "production", storagePool: { device: expect.any(String) }, ssh: null });
    expect(document.vms.map((vm) => vm.name)).toEqual([...document.vms.map((vm) => vm.name)].sort());
    expect(document.services).toContainEqual({ vm: "acme-web01", name: "nginx", kind: "nginx", ports: [80, 443] });
    // The seed's 14 explicit edges; the implied ones (VM on hypervisor, service on VM…) are not repeated.
    expect(document.dependencies).toHaveLength(14);
    expect(document.dependencies).toContainEqual({ parent: { kind: "device", name: "rtr1" }, child: { kind: "device", name: "sw1" }, redundancyGroup: "uplink" });
    expect(document.backups.length).toBeGreaterThan(0);
    // Names only: ids differ between installations, so none may leak into the document.
    expect(JSON.stringify(document)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(document.backups[0]).toEqual({ vm: expect.any(String), backupServer: expect.stringMatching(/^bk0[12]$/), schedule: expect.any(String), retentionDays: expect.any(Number) });
  });

  it("imports its own export as all unchanged, writes nothing but the audit event, and exports byte-identically again", async () => {
    const db = getDb();
    const admin = await actorFor("admin@hostdesk.test");
    const first = await exportInventory(db, admin);
    const before = await databaseFingerprint({ exceptTables: ["audit_events"] });

    const summary = await importInventory(db, admin, first);

    expect(summary.created).toEqual({ sites: 0, racks: 0, devices: 0, pools: 0, vms: 0, services: 0, dependencies: 0, backups: 0 });
    expect(summary.updated).toEqual(summary.created);
    expect(summary.unchanged).toEqual({
      sites: first.sites.length,
      racks: first.racks.length,
      devices: first.devices.length,
      pools: first.storagePools.length,
      vms: first.vms.length,
      services: first.services.length,
      dependencies: first.dependencies.length,
      backups: first.backups.length,
    });
    expect(await databaseFingerprint({ exceptTables: ["audit_events"] })).toEqual(before);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "inventory.imported")).orderBy(desc(auditEvents.at)).limit(1);
    expect(event).toMatchObject({ subjectType: "inventory", subjectId: "import", actorLabel: "admin@hostdesk.test", after: summary });

    const second = await exportInventory(db, admin);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("lets every staff role export but refuses customers", async () => {
    const db = getDb();
    for (const email of ["agent@hostdesk.test", "engineer@hostdesk.test", "am@hostdesk.test"]) {
      await expect(exportInventory(db, await actorFor(email))).resolves.toMatchObject({ version: 1 });
    }
    const refused = await exportInventory(db, await actorFor("owner@acme.test")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("FORBIDDEN");
  });
});
