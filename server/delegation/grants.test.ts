/**
 * Grants decide who may edit which snippet kind where: each scope type reaches exactly what it
 * says, a refusal changes nothing, and no customer can aim a snippet at another org's hosts.
 */
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { grants, vms } from "@/db/schema";
import { auditTrailOf, serviceId, vmByName } from "@/server/inventory/testing";
import { callerFor } from "@/server/testing/actors";
import { expectRefusal, orgIdOf } from "./testing";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let engineer: Caller, owner: Caller, dev: Caller, globex: Caller;
let acme: string, globexOrg: string;

beforeAll(async () => {
  engineer = await callerFor("engineer@hostdesk.test");
  owner = await callerFor("owner@acme.test");
  dev = await callerFor("dev@acme.test");
  globex = await callerFor("owner@globex.test");
  acme = await orgIdOf("acme");
  globexOrg = await orgIdOf("globex");
});

let slugs = 0;
const newSlug = () => `grant-test-${++slugs}`;
const vmScope = async (name: string) => ({ type: "vm" as const, vmId: (await vmByName(name)).id });

describe("granting", () => {
  it("is for support staff: customers cannot grant themselves anything", async () => {
    await expectRefusal(async () => owner.delegation.grants.grant({ orgId: acme, kind: "firewall", scope: { type: "org" }, mode: "auto" }), "FORBIDDEN");
  });

  it("is audited, listed for the org in words, and revocable once", async () => {
    const { grantId, target } = await engineer.delegation.grants.grant({ orgId: acme, kind: "supervisor", scope: await vmScope("acme-app02"), mode: "review" });
    expect(target).toBe("acme-app02");
    expect((await auditTrailOf(grantId)).map((e) => e.action)).toEqual(["grant.create"]);
    const listed = await owner.delegation.grants.list({ orgId: acme });
    expect(listed.find((g) => g.id === grantId)).toMatchObject({ kind: "supervisor", target: "acme-app02", mode: "review", revokedAt: null });
    await engineer.delegation.grants.revoke({ grantId });
    expect((await owner.delegation.grants.list({ orgId: acme })).some((g) => g.id === grantId)).toBe(false);
    expect((await owner.delegation.grants.list({ orgId: acme, includeRevoked: true })).find((g) => g.id === grantId)?.revokedAt).toBeInstanceOf(Date);
    await expectRefusal(async () => engineer.delegation.grants.revoke({ grantId }), "CONFLICT", /already revoked/);
  });

  it("refuses a VM or service of another org, and a person outside the org", async () => {
    await expectRefusal(async () => engineer.delegation.grants.grant({ orgId: acme, kind: "firewall", scope: await vmScope("globex-web01") }), "NOT_FOUND");
    await expectRefusal(
      () => engineer.delegation.grants.grant({ orgId: acme, kind: "firewall", scope: { type: "service", serviceId: "00000000-0000-4000-8000-000000000009" } }),
      "NOT_FOUND",
    );
    const globexOwnerId = (await globex.session.me()).userId;
    await expectRefusal(async () => engineer.delegation.grants.grant({ orgId: acme, userId: globexOwnerId, kind: "firewall", scope: { type: "org" } }), "BAD_REQUEST");
  });

  it("a customer lists only its own org's grants", async () => {
    await expectRefusal(async () => globex.delegation.grants.list({ orgId: acme }), "NOT_FOUND");
  });
});

describe("what a grant covers", () => {
  it("vm scope: that VM and its services, nothing else", async () => {
    await engineer.delegation.grants.grant({ orgId: acme, kind: "firewall", scope: await vmScope("acme-web02") });
    await owner.delegation.snippets.create({ orgId: acme, kind: "firewall", slug: newSlug(), name: "web02", scope: await vmScope("acme-web02") });
    await owner.delegation.snippets.create({ orgId: acme, kind: "firewall", slug: newSlug(), name: "web02 nginx", scope: { type: "service", serviceId: await serviceId("acme-web02", "nginx") } });
    await expectRefusal(async () => owner.delegation.snippets.create({ orgId: acme, kind: "firewall", slug: newSlug(), name: "web03", scope: await vmScope("acme-web03") }), "FORBIDDEN", /no grant/);
    await expectRefusal(
      () => owner.delegation.snippets.create({ orgId: acme, kind: "firewall", slug: newSlug(), name: "all prod", scope: { type: "environment", environment: "production" } }),
      "FORBIDDEN",
    );
  });

  it("service scope: only that service", async () => {
    const nginx = await serviceId("acme-web03", "nginx");
    await engineer.delegation.grants.grant({ orgId: acme, kind: "supervisor", scope: { type: "service", serviceId: nginx } });
    await owner.delegation.snippets.create({ orgId: acme, kind: "supervisor", slug: newSlug(), name: "svc", scope: { type: "service", serviceId: nginx } });
    await expectRefusal(async () => owner.delegation.snippets.create({ orgId: acme, kind: "supervisor", slug: newSlug(), name: "vm", scope: await vmScope("acme-web03") }), "FORBIDDEN");
    await expectRefusal(
      async () => owner.delegation.snippets.create({ orgId: acme, kind: "supervisor", slug: newSlug(), name: "shop", scope: { type: "service", serviceId: await serviceId("acme-web03", "shop") } }),
      "FORBIDDEN",
    );
  });

  it("environment scope: every VM of that environment and their services, not the other environments", async () => {
    // Seeded: cron on Acme's staging VMs.
    await dev.delegation.snippets.create({ orgId: acme, kind: "cron", slug: newSlug(), name: "stg", scope: await vmScope("acme-stg-web01") });
    await dev.delegation.snippets.create({ orgId: acme, kind: "cron", slug: newSlug(), name: "stg all", scope: { type: "environment", environment: "staging" } });
    await expectRefusal(async () => dev.delegation.snippets.create({ orgId: acme, kind: "cron", slug: newSlug(), name: "prod", scope: await vmScope("acme-web01") }), "FORBIDDEN");
    await expectRefusal(async () => dev.delegation.snippets.create({ orgId: acme, kind: "cron", slug: newSlug(), name: "org", scope: { type: "org" } }), "FORBIDDEN");
  });

  it("org scope: every VM of the org, and the org as a whole", async () => {
    // Seeded: features on every Acme VM.
    await owner.delegation.snippets.create({ orgId: acme, kind: "features", slug: newSlug(), name: "dev", scope: await vmScope("acme-dev-web01") });
    const { snippetId } = await owner.delegation.snippets.create({ orgId: acme, kind: "features", slug: newSlug(), name: "org", scope: { type: "org" } });
    const detail = await owner.delegation.snippets.get({ snippetId });
    const active = await getDb().select({ name: vms.name }).from(vms).where(and(eq(vms.orgId, acme), ne(vms.status, "retired")));
    expect(detail.hosts.map((h) => h.name).sort()).toEqual(active.map((v) => v.name).sort());
  });

  it("a user's grant covers that user only; a revoked grant covers no one", async () => {
    const devId = (await dev.session.me()).userId;
    const { grantId } = await engineer.delegation.grants.grant({ orgId: acme, userId: devId, kind: "env_config", scope: await vmScope("acme-app01") });
    await dev.delegation.snippets.create({ orgId: acme, kind: "env_config", slug: newSlug(), name: "dev's", scope: await vmScope("acme-app01") });
    await expectRefusal(async () => owner.delegation.snippets.create({ orgId: acme, kind: "env_config", slug: newSlug(), name: "owner's", scope: await vmScope("acme-app01") }), "FORBIDDEN");
    await engineer.delegation.grants.revoke({ grantId });
    await expectRefusal(async () => dev.delegation.snippets.create({ orgId: acme, kind: "env_config", slug: newSlug(), name: "after", scope: await vmScope("acme-app01") }), "FORBIDDEN");
  });

  it("a customer can never aim at another org's hosts, even with a grant of its own", async () => {
    await engineer.delegation.grants.grant({ orgId: globexOrg, kind: "firewall", scope: { type: "org" } });
    await globex.delegation.snippets.create({ orgId: globexOrg, kind: "firewall", slug: newSlug(), name: "own", scope: await vmScope("globex-web01") });
    // Its own org, Acme's VM or service: NOT_FOUND, as if they did not exist.
    await expectRefusal(async () => globex.delegation.snippets.create({ orgId: globexOrg, kind: "firewall", slug: newSlug(), name: "x", scope: await vmScope("acme-web01") }), "NOT_FOUND");
    await expectRefusal(
      async () => globex.delegation.snippets.create({ orgId: globexOrg, kind: "firewall", slug: newSlug(), name: "x", scope: { type: "service", serviceId: await serviceId("acme-web01", "nginx") } }),
      "NOT_FOUND",
    );
    // Acme's org: NOT_FOUND.
    await expectRefusal(async () => globex.delegation.snippets.create({ orgId: acme, kind: "firewall", slug: newSlug(), name: "x", scope: { type: "org" } }), "NOT_FOUND");
  });

  it("slugs are unique per org and kind", async () => {
    await owner.delegation.snippets.create({ orgId: acme, kind: "features", slug: "same-name", name: "one", scope: { type: "org" } });
    await expectRefusal(async () => owner.delegation.snippets.create({ orgId: acme, kind: "features", slug: "same-name", name: "two", scope: { type: "org" } }), "CONFLICT", /already/);
  });

  it("grants are stored with exactly one target column (the CHECK holds)", async () => {
    const rows = await getDb().select().from(grants);
    for (const g of rows) {
      const set = [g.vmId, g.serviceId, g.environment].filter((v) => v !== null).length;
      expect(set).toBe(g.scopeType === "org" ? 0 : 1);
    }
    await expect(
      getDb().insert(grants).values({ orgId: acme, kind: "cron", scopeType: "org", vmId: (await vmByName("acme-web01")).id, grantedBy: (await engineer.session.me()).userId }),
    ).rejects.toThrow();
  });
});
