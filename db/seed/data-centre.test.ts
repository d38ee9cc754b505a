import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { devices, orgs, services, storagePools, vms } from "@/db/schema";

describe("demo data centre", () => {
  it("is the believable data centre the demo promises", async () => {
    const db = getDb();
    const kinds = await db.select({ kind: devices.kind, n: count() }).from(devices).groupBy(devices.kind);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({ router: 2, switch: 2, storage: 2, hypervisor: 6, backup: 2 });
    const [vmCount] = await db.select({ n: count() }).from(vms);
    const [serviceCount] = await db.select({ n: count() }).from(services);
    expect(vmCount!.n).toBeGreaterThanOrEqual(35);
    expect(serviceCount!.n).toBeGreaterThanOrEqual(90);
    const perOrg = await db.select({ slug: orgs.slug, env: vms.environment, n: count() }).from(vms).innerJoin(orgs, eq(orgs.id, vms.orgId)).groupBy(orgs.slug, vms.environment);
    for (const slug of ["acme", "globex"]) for (const env of ["production", "staging"]) expect(perOrg.some((r) => r.slug === slug && r.env === env && r.n > 0)).toBe(true);
    const [pools] = await db.select({ n: count() }).from(storagePools);
    expect(pools!.n).toBeGreaterThan(0);
  });

  it("never puts two VMs of one redundancy group of one org on the same hypervisor", async () => {
    const clashes = await getDb().execute(sql`
      select org_id, redundancy_group, hypervisor_id from vms where redundancy_group is not null
      group by org_id, environment, redundancy_group, hypervisor_id having count(*) > 1`);
    expect(clashes.rows).toEqual([]);
  });
});
