import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { slugify } from "./slug";

describe("organisations", () => {
  it("creates a customer org with a unique slug from its name, audited", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    const first = await admin.orgs.create({ name: "Initech GmbH & Co." });
    expect(first).toMatchObject({ slug: "initech-gmbh-co", kind: "customer" });
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.subjectId, first.id));
    expect(events.map((e) => e.action)).toEqual(["org.created"]);
    await expect(admin.orgs.create({ name: "initech gmbh & co." })).rejects.toMatchObject({ code: "CONFLICT" });
    const second = await admin.orgs.create({ name: "Initech GmbH Co" });
    expect(second.slug).toBe("initech-gmbh-co-2");
  });

  it("renames an org and records before and after", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    const globex = (await admin.orgs.list()).find((o) => o.slug === "globex")!;
    await admin.orgs.rename({ orgId: globex.id, name: "Globex Corporation" });
    const [event] = await admin.audit.list({ subjectType: "org", subjectId: globex.id, limit: 1 });
    expect(event).toMatchObject({ action: "org.renamed", before: { name: "Globex" }, after: { name: "Globex Corporation" } });
  });

  it("shows customers only their own org and its members; staff see all", async () => {
    const customer = await callerFor("dev@acme.test");
    const mine = await customer.orgs.list();
    expect(mine.map((o) => o.slug)).toEqual(["acme"]);
    const acme = await customer.orgs.get({ orgId: mine[0]!.id });
    expect(acme.members.map((m) => m.email).sort()).toEqual(["dev@acme.test", "owner@acme.test"]);
    const staff = await callerFor("agent@hostdesk.test");
    expect((await staff.orgs.list()).map((o) => o.slug)).toEqual(expect.arrayContaining(["hostdesk", "acme", "globex"]));
  });

  it("pages through the customer directory and filters it by name, wildcards taken literally", async () => {
    const admin = await callerFor("admin@hostdesk.test");
    for (const name of ["Alpha 100%", "Alpha_Beta", "Alphabet"]) await admin.orgs.create({ name });
    const customers = (await admin.orgs.list()).filter((o) => o.kind === "customer").map((o) => o.name);
    const first = await admin.orgs.directory({ pageSize: 5 });
    const second = await admin.orgs.directory({ pageSize: 5, page: 2 });
    expect(first.total).toBe(customers.length);
    expect([...first.rows, ...second.rows].map((r) => r.name)).toEqual([...customers].sort((a, b) => (a < b ? -1 : 1)));
    expect((await admin.orgs.directory({ search: "alpha" })).rows.map((r) => r.name)).toEqual(["Alpha 100%", "Alpha_Beta", "Alphabet"]);
    expect((await admin.orgs.directory({ search: "%" })).rows.map((r) => r.name)).toEqual(["Alpha 100%"]);
    expect((await admin.orgs.directory({ search: "a_b" })).rows.map((r) => r.name)).toEqual(["Alpha_Beta"]);
    const acme = (await admin.orgs.directory({ search: "acme" })).rows[0];
    expect(acme?.memberCount).toBe(2);
    const customer = await callerFor("owner@globex.test");
    expect((await customer.orgs.directory({})).rows.map((r) => r.slug)).toEqual(["globex"]);
  });

  it("makes slugs that are URL-safe", () => {
    expect(slugify("Müller & Söhne")).toBe("muller-sohne");
    expect(slugify("!!!")).toBe("org");
  });
});
