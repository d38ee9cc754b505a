import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { devices, orgs, users, vms } from "@/db/schema";
import { loadActor, type Actor } from "@/server/auth/actor";
import { callerFor } from "@/server/testing/actors";
import { listVms } from "./vms";

/**
 * The VM list against an oracle: every combination of its filters, for staff and for customers,
 * lists exactly the VMs a plain reading of the table says match, in name order, paged. Each shape of
 * request is a statement kept prepared (db/prepared.ts), so every shape runs more than once here.
 */

type Vm = typeof vms.$inferSelect;
type Filters = { orgId?: string; environment?: Vm["environment"]; hypervisorId?: string; search?: string; includeRetired?: boolean };

async function actorOf(email: string): Promise<Actor> {
  const [user] = await getDb().select().from(users).where(eq(users.email, email));
  return (await loadActor(getDb(), { userId: user!.id, sessionVersion: user!.sessionVersion }))!;
}

function expected(all: Vm[], actor: Actor, f: Filters): string[] {
  const needle = f.search?.toLowerCase();
  return all
    .filter((vm) => actor.isStaff || actor.customerOrgIds.includes(vm.orgId))
    .filter((vm) => f.includeRetired || vm.status !== "retired")
    .filter((vm) => !f.orgId || vm.orgId === f.orgId)
    .filter((vm) => !f.environment || vm.environment === f.environment)
    .filter((vm) => !f.hypervisorId || vm.hypervisorId === f.hypervisorId)
    .filter((vm) => !needle || vm.name.toLowerCase().includes(needle) || (vm.role ?? "").toLowerCase().includes(needle))
    .map((vm) => vm.name)
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

/** Every combination of one value (or none) per filter. */
function combinations(options: { [K in keyof Filters]: Filters[K][] }): Filters[] {
  let out: Filters[] = [{}];
  for (const [key, values] of Object.entries(options) as [keyof Filters, unknown[]][]) {
    out = out.flatMap((f) => [f, ...values.map((value) => ({ ...f, [key]: value }))]);
  }
  return out;
}

describe("the VM list lists exactly what matches", () => {
  it("every combination of filters, for staff and for customers, twice each", async () => {
    // One retired VM, so that including retired ones changes the answer.
    const admin = await callerFor("admin@hostdesk.test");
    const [retiring] = await getDb().select().from(vms).where(eq(vms.name, "acme-db01"));
    await admin.inventory.retireVm({ id: retiring!.id });

    const all = await getDb().select().from(vms);
    const [acme] = await getDb().select().from(orgs).where(eq(orgs.slug, "acme"));
    const hypervisor = (await getDb().select().from(devices).where(eq(devices.kind, "hypervisor")))[0]!;
    const cases = combinations({ orgId: [acme!.id], environment: ["production", "staging"], hypervisorId: [hypervisor.id], search: ["WEB", "db"], includeRetired: [true] });
    let nonEmpty = 0;
    for (const email of ["admin@hostdesk.test", "owner@acme.test", "owner@globex.test"]) {
      const actor = await actorOf(email);
      for (const filters of cases) {
        const want = expected(all, actor, filters);
        for (let run = 0; run < 2; run++) {
          const listed = await listVms(getDb(), actor, { ...filters, pageSize: 200 });
          expect(listed.rows.map((r) => r.name), `${email} ${JSON.stringify(filters)}`).toEqual(want);
          expect(listed.total).toBe(want.length);
        }
        if (want.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(30);
  });

  it("pages through the same order, and customers of one org never see another's", async () => {
    const actor = await actorOf("owner@acme.test");
    const all = await getDb().select().from(vms);
    const want = expected(all, actor, {});
    const pages: string[] = [];
    for (let page = 1; page <= Math.ceil(want.length / 10); page++) pages.push(...(await listVms(getDb(), actor, { pageSize: 10, page })).rows.map((r) => r.name));
    expect(pages).toEqual(want);
    const globex = await actorOf("owner@globex.test");
    const globexNames = (await listVms(getDb(), globex, { pageSize: 200 })).rows.map((r) => r.name);
    expect(globexNames.length).toBeGreaterThan(0);
    expect(globexNames.filter((name) => want.includes(name))).toEqual([]);
  });
});
