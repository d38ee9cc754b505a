import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { services, vms } from "@/db/schema";
import { vmByName } from "@/server/inventory/testing";
import { actorFor } from "@/server/testing/actors";
import { generatedDataCentre } from "./example-document";
import { exportInventory } from "./export";
import { importInventory } from "./import";

// 2,000 VMs by default; set TRANSFER_SCALE_VMS=50000 to measure a provider-sized import by hand.
const vmCount = Number(process.env.TRANSFER_SCALE_VMS ?? 2_000);

describe(`importing a generated data centre of ${vmCount} VMs`, () => {
  it("creates every row in batches, then finds them all unchanged", { timeout: 600_000 }, async () => {
    const db = getDb();
    const admin = await actorFor("admin@hostdesk.test");
    const document = generatedDataCentre(vmCount);
    const [vmsBefore] = await db.select({ n: count() }).from(vms);

    const startedAt = performance.now();
    const summary = await importInventory(db, admin, document);
    const firstSeconds = (performance.now() - startedAt) / 1000;

    expect(summary.created).toMatchObject({ vms: vmCount, services: vmCount * 4, devices: document.devices?.length, backups: document.backups?.length });
    expect(summary.created.dependencies).toBe(document.dependencies?.length);
    const [vmsAfter] = await db.select({ n: count() }).from(vms);
    expect(vmsAfter!.n - vmsBefore!.n).toBe(vmCount);
    const last = await vmByName(`gen-vm${String(vmCount).padStart(6, "0")}`);
    const [lastServices] = await db.select({ n: count() }).from(services).where(eq(services.vmId, last.id));
    expect(lastServices!.n).toBe(4);

    const againAt = performance.now();
    const again = await importInventory(db, admin, document);
    const secondSeconds = (performance.now() - againAt) / 1000;
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(Object.values(again.updated).every((n) => n === 0)).toBe(true);
    expect(again.unchanged.services).toBe(vmCount * 4);

    const exportAt = performance.now();
    const exported = await exportInventory(db, admin);
    const exportSeconds = (performance.now() - exportAt) / 1000;
    expect(exported.vms.filter((vm) => vm.name.startsWith("gen-vm"))).toHaveLength(vmCount);

    // Timings are reported, not asserted: shared CI machines vary too much for a hard limit.
    console.info(
      `inventory import of ${vmCount} VMs / ${vmCount * 4} services: first ${firstSeconds.toFixed(1)} s, ` +
        `again (all unchanged) ${secondSeconds.toFixed(1)} s; export ${exportSeconds.toFixed(1)} s`,
    );
  });
});
