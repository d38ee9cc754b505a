import { describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/actors";
import { serviceChecklist } from "./checklist-rules";
import { vmByName } from "./testing";

const now = new Date("2026-11-26T12:00:00Z");
const base = { vmHasMonitoringAgent: true, lastBackupAt: new Date("2026-11-26T02:00:00Z"), ticks: new Map(), now };

describe("production-ready checklist rules", () => {
  it("verifies monitoring and backups itself and leaves the rest to staff", () => {
    const list = serviceChecklist({ ...base, service: { kind: "postgresql", ports: [5432] } });
    expect(Object.fromEntries(list.map((e) => [e.item, `${e.verifiedBy}:${e.state}`]))).toEqual({
      log_rotation: "staff:open",
      db_maintenance: "staff:open",
      startup_shutdown: "staff:open",
      process_monitoring: "model:done",
      port_monitoring: "model:done",
      backups: "model:done",
    });
  });

  it("says what is missing in words", () => {
    const list = serviceChecklist({ ...base, vmHasMonitoringAgent: false, lastBackupAt: new Date("2026-11-22T12:00:00Z"), service: { kind: "nginx", ports: [80, 443] } });
    const byItem = Object.fromEntries(list.map((e) => [e.item, e]));
    expect(byItem.db_maintenance!.state).toBe("not_applicable");
    expect(byItem.port_monitoring).toMatchObject({ state: "open", note: "Ports 80, 443 are not watched." });
    expect(byItem.backups).toMatchObject({ state: "open", note: "Last successful backup 4 days ago." });
  });
});

describe("checklist on a VM", () => {
  it("staff tick an item with their name; the customer sees it; auto items cannot be ticked", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const vm = await vmByName("acme-app01");
    const before = await engineer.inventory.readiness({ id: vm.id });
    const api = before.services.find((s) => s.name === "api")!;
    expect(api.checklist.find((e) => e.item === "log_rotation")!.state).toBe("open");
    await engineer.inventory.tickChecklistItem({ serviceId: api.serviceId, item: "log_rotation", done: true });
    await expect(engineer.inventory.tickChecklistItem({ serviceId: api.serviceId, item: "backups", done: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const customer = await callerFor("dev@acme.test");
    const after = await customer.inventory.readiness({ id: vm.id });
    const tick = after.services.find((s) => s.name === "api")!.checklist.find((e) => e.item === "log_rotation")!;
    expect(tick).toMatchObject({ state: "done", checkedBy: "Erin Engineer" });
    expect(after.backups.length).toBeGreaterThan(0);
    await expect(customer.inventory.tickChecklistItem({ serviceId: api.serviceId, item: "log_rotation", done: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
