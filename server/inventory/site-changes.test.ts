import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sites } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { auditTrailOf } from "./testing";

async function siteId(name: string) {
  return (await getDb().select().from(sites).where(eq(sites.name, name)))[0]!.id;
}

describe("sites and racks", () => {
  it("lists every site with its racks and the working hardware in each", async () => {
    const layout = await (await callerFor("am@hostdesk.test")).inventory.sites();
    expect(layout.map((s) => s.name)).toEqual(["BER1", "FRA1"]);
    const a01 = layout.find((s) => s.name === "FRA1")!.racks.find((r) => r.name === "A01")!;
    expect(a01.units).toBe(42);
    expect(a01.devices.find((d) => d.name === "st01")).toMatchObject({ kind: "storage", rackUnit: 30, heightUnits: 4 });
  });

  it("creates and renames a site, audited, and refuses a name already taken", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const site = await engineer.inventory.createSite({ name: " ham1 ", city: "Hamburg" });
    expect(site).toMatchObject({ name: "HAM1", city: "Hamburg" });
    const renamed = await engineer.inventory.updateSite({ siteId: site.id, name: "HAM2" });
    expect(renamed).toMatchObject({ name: "HAM2", city: "Hamburg" });
    const trail = await auditTrailOf(site.id);
    expect(trail.map((e) => e.action)).toEqual(["site.created", "site.updated"]);
    expect(trail[1]).toMatchObject({ actorLabel: "engineer@hostdesk.test", before: { name: "HAM1" }, after: { name: "HAM2" } });

    const before = await databaseFingerprint();
    await expect(engineer.inventory.createSite({ name: "fra1", city: "Frankfurt" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(engineer.inventory.updateSite({ siteId: site.id, name: "BER1" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(engineer.inventory.createSite({ name: "a b", city: "Hamburg" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("short code") });
    await expect(engineer.inventory.createSite({ name: "HAM3", city: " " })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("city") });
    await expect(engineer.inventory.updateSite({ siteId: crypto.randomUUID(), city: "Nowhere" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("creates a rack in a site, audited, and refuses nonsense heights, duplicates and unknown sites", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const fra = await siteId("FRA1");
    const rack = await agent.inventory.createRack({ siteId: fra, name: "a03", units: 47 });
    expect(rack).toMatchObject({ siteId: fra, name: "A03", units: 47 });
    const [event] = await auditTrailOf(rack.id);
    expect(event).toMatchObject({ action: "rack.created", subjectType: "rack", actorLabel: "agent@hostdesk.test", after: { name: "A03", siteName: "FRA1" } });
    expect((await agent.inventory.sites()).find((s) => s.id === fra)!.racks.map((r) => r.name)).toEqual(["A01", "A02", "A03"]);

    const before = await databaseFingerprint();
    await expect(agent.inventory.createRack({ siteId: fra, name: "A01" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(agent.inventory.createRack({ siteId: fra, name: "A09", units: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 1 unit") });
    await expect(agent.inventory.createRack({ siteId: fra, name: "A09", units: 61 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 60") });
    await expect(agent.inventory.createRack({ siteId: crypto.randomUUID(), name: "A09" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("lets account managers read the layout but not change it", async () => {
    const am = await callerFor("am@hostdesk.test");
    await expect(am.inventory.createSite({ name: "HAM1", city: "Hamburg" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(am.inventory.updateSite({ siteId: await siteId("FRA1"), city: "Offenbach" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(am.inventory.createRack({ siteId: await siteId("FRA1"), name: "A09" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
