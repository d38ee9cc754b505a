/**
 * Tenancy, across the whole API: every tRPC procedure is called as Globex's owner, aimed at Acme's
 * ids. Each must refuse (NOT_FOUND or FORBIDDEN) and leave the database exactly as it was, or, where
 * a procedure takes no foreign id, return nothing of Acme's. A procedure added without a case here
 * fails the first test: new code must say how it keeps tenants apart.
 */
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { calendars, contracts, dependencies, grants, orgs, rollouts, sites, snippetRevisions, snippets, storagePools, tickets, users } from "@/db/schema";
import { contractTermsSchema, type ContractTerms } from "@/server/contracts/terms";
import { deviceId, serviceId, vmByName } from "@/server/inventory/testing";
import { appRouter } from "@/server/routers/_app";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Ids = {
  acmeOrg: string;
  acmeOwner: string;
  acmeDev: string;
  globexOwner: string;
  acmeVm: string;
  acmeService: string;
  hypervisor: string;
  pool: string;
  storageServer: string;
  site: string;
  dependency: string;
  calendar: string;
  acmeProposal: string;
  acmeProposalVersion: string;
  acmeTicket: string;
  acmeGrant: string;
  acmeSnippet: string;
  acmeRevision: string;
  acmeAppliedRevision: string;
  acmeRollout: string;
};

type Case =
  /** Aimed at Acme's rows: must be refused and change nothing. */
  | { refuse: "NOT_FOUND" | "FORBIDDEN"; call: (c: Caller, ids: Ids) => Promise<unknown> }
  /** Takes no foreign id: may succeed, but what it returns or changes must not touch Acme. */
  | { ownOnly: (c: Caller, ids: Ids) => Promise<unknown>; reveals: (result: unknown, ids: Ids) => boolean };

const mentions = (result: unknown, ids: Ids) =>
  [ids.acmeOrg, ids.acmeOwner, ids.acmeDev, ids.acmeVm, ids.acmeService].some((id) => JSON.stringify(result ?? null).includes(id));

const cases: Record<string, Case> = {
  "session.me": { ownOnly: (c) => c.session.me(), reveals: mentions },
  "session.changePassword": {
    refuse: "FORBIDDEN",
    call: (c) => c.session.changePassword({ currentPassword: "not-my-password", newPassword: "a-new-password-123" }),
  },
  "session.signOutEverywhere": { ownOnly: (c) => c.session.signOutEverywhere(), reveals: mentions },
  "orgs.list": { ownOnly: (c) => c.orgs.list(), reveals: mentions },
  "orgs.directory": { ownOnly: (c) => c.orgs.directory({ search: "a" }), reveals: mentions },
  "orgs.get": { refuse: "NOT_FOUND", call: (c, ids) => c.orgs.get({ orgId: ids.acmeOrg }) },
  "orgs.create": { refuse: "FORBIDDEN", call: (c) => c.orgs.create({ name: "Acme Rival" }) },
  "orgs.rename": { refuse: "FORBIDDEN", call: (c, ids) => c.orgs.rename({ orgId: ids.acmeOrg, name: "Taken over" }) },
  "users.list": { refuse: "FORBIDDEN", call: (c) => c.users.list({ search: "acme" }) },
  "users.create": {
    refuse: "FORBIDDEN",
    call: (c, ids) => c.users.create({ email: "intruder@globex.test", name: "Intruder", orgId: ids.acmeOrg, role: "owner" }),
  },
  "users.update": { refuse: "FORBIDDEN", call: (c, ids) => c.users.update({ userId: ids.acmeOwner, disabled: true }) },
  "users.setMembership": {
    refuse: "FORBIDDEN",
    call: (c, ids) => c.users.setMembership({ userId: ids.globexOwner, orgId: ids.acmeOrg, role: "owner" }),
  },
  "users.removeMembership": { refuse: "FORBIDDEN", call: (c, ids) => c.users.removeMembership({ userId: ids.acmeDev, orgId: ids.acmeOrg }) },
  "users.revokeSessions": { refuse: "FORBIDDEN", call: (c, ids) => c.users.revokeSessions({ userId: ids.acmeOwner }) },
  "audit.list": { refuse: "FORBIDDEN", call: (c, ids) => c.audit.list({ orgId: ids.acmeOrg }) },
  "inventory.vms": { ownOnly: (c, ids) => c.inventory.vms({ orgId: ids.acmeOrg, search: "acme" }), reveals: mentions },
  "inventory.vm": { refuse: "NOT_FOUND", call: (c, ids) => c.inventory.vm({ id: ids.acmeVm }) },
  "inventory.chain": { refuse: "NOT_FOUND", call: (c, ids) => c.inventory.chain({ nodeId: ids.acmeService }) },
  "inventory.environmentDrift": { refuse: "NOT_FOUND", call: (c, ids) => c.inventory.environmentDrift({ orgId: ids.acmeOrg }) },
  "inventory.devices": { refuse: "FORBIDDEN", call: (c) => c.inventory.devices({}) },
  "inventory.storagePools": { refuse: "FORBIDDEN", call: (c) => c.inventory.storagePools() },
  "inventory.device": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.device({ id: ids.hypervisor }) },
  "inventory.sites": { refuse: "FORBIDDEN", call: (c) => c.inventory.sites() },
  "inventory.createSite": { refuse: "FORBIDDEN", call: (c) => c.inventory.createSite({ name: "EVIL1", city: "Nowhere" }) },
  "inventory.updateSite": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.updateSite({ siteId: ids.site, name: "EVIL1" }) },
  "inventory.createRack": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.createRack({ siteId: ids.site, name: "X01" }) },
  "inventory.createStoragePool": {
    refuse: "FORBIDDEN",
    call: (c, ids) => c.inventory.createStoragePool({ deviceId: ids.storageServer, name: "evil-pool", capacityGb: 10 }),
  },
  "inventory.updateStoragePool": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.updateStoragePool({ poolId: ids.pool, capacityGb: 1 }) },
  "inventory.capacity": { refuse: "FORBIDDEN", call: (c) => c.inventory.capacity() },
  "inventory.placement": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.placement({ orgId: ids.acmeOrg, vcpus: 1, memoryMb: 1024 }) },
  "inventory.createVm": {
    refuse: "FORBIDDEN",
    call: (c, ids) =>
      c.inventory.createVm({ orgId: ids.acmeOrg, name: "intruder01", hypervisorId: ids.hypervisor, storagePoolId: ids.pool, vcpus: 1, memoryMb: 1024, diskGb: 10 }),
  },
  "inventory.updateVm": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.updateVm({ vmId: ids.acmeVm, memoryMb: 2048 }) },
  "inventory.retireVm": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.retireVm({ id: ids.acmeVm }) },
  "inventory.createDevice": { refuse: "FORBIDDEN", call: (c) => c.inventory.createDevice({ name: "rogue1", kind: "router" }) },
  "inventory.updateDevice": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.updateDevice({ deviceId: ids.hypervisor, status: "failed" }) },
  "inventory.retireDevice": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.retireDevice({ id: ids.hypervisor }) },
  "inventory.createService": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.createService({ vmId: ids.acmeVm, kind: "nginx", name: "evil" }) },
  "inventory.updateService": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.updateService({ serviceId: ids.acmeService, ports: [1] }) },
  "inventory.retireService": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.retireService({ id: ids.acmeService }) },
  "inventory.addDependency": {
    refuse: "FORBIDDEN",
    call: (c, ids) => c.inventory.addDependency({ parentKind: "device", parentId: ids.hypervisor, childKind: "vm", childId: ids.acmeVm }),
  },
  "inventory.removeDependency": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.removeDependency({ id: ids.dependency }) },
  "inventory.readiness": { refuse: "NOT_FOUND", call: (c, ids) => c.inventory.readiness({ id: ids.acmeVm }) },
  "inventory.tickChecklistItem": {
    refuse: "FORBIDDEN",
    call: (c, ids) => c.inventory.tickChecklistItem({ serviceId: ids.acmeService, item: "log_rotation", done: false }),
  },
  "inventory.dependencies": { refuse: "FORBIDDEN", call: (c) => c.inventory.dependencies() },
  "inventory.export": { refuse: "FORBIDDEN", call: (c) => c.inventory.export() },
  "inventory.import": {
    refuse: "FORBIDDEN",
    call: (c) =>
      c.inventory.import({
        version: 1,
        vms: [{ org: "acme", name: "intruder01", hypervisor: "kvm01", storagePool: { device: "st01", name: "st01-ssd" }, vcpus: 1, memoryMb: 1024, diskGb: 10 }],
      }),
  },
  "inventory.impact": { refuse: "FORBIDDEN", call: (c, ids) => c.inventory.impact({ nodeId: ids.acmeVm }) },
  "sla.chainAvailability": { refuse: "FORBIDDEN", call: (c, ids) => c.sla.chainAvailability({ nodeId: ids.acmeService }) },
  "sla.calculate": { refuse: "FORBIDDEN", call: (c) => c.sla.calculate({}) },
  "sla.calendars": { refuse: "FORBIDDEN", call: (c) => c.sla.calendars() },
  "sla.calendar": { refuse: "FORBIDDEN", call: (c, ids) => c.sla.calendar({ calendarId: ids.calendar }) },
  "sla.createCalendar": { refuse: "FORBIDDEN", call: (c) => c.sla.createCalendar({ name: "Evil hours", timeZone: "UTC", frames: [], holidays: [] }) },
  "sla.updateCalendar": {
    refuse: "FORBIDDEN",
    call: (c, ids) => c.sla.updateCalendar({ calendarId: ids.calendar, name: "Evil hours", timeZone: "UTC", frames: [], holidays: [] }),
  },
  "sla.plans": { refuse: "FORBIDDEN", call: (c) => c.sla.plans() },
  "sla.proposals": { refuse: "FORBIDDEN", call: (c, ids) => c.sla.proposals({ orgId: ids.acmeOrg }) },
  "sla.proposal": { refuse: "FORBIDDEN", call: (c, ids) => c.sla.proposal({ proposalId: ids.acmeProposal }) },
  "sla.createProposal": {
    refuse: "FORBIDDEN",
    call: (c, ids) => c.sla.createProposal({ orgId: ids.acmeOrg, title: "Free Premium", scenario: {}, terms: acmeTerms }),
  },
  "sla.reviseProposal": { refuse: "FORBIDDEN", call: (c, ids) => c.sla.reviseProposal({ proposalId: ids.acmeProposal, scenario: {}, terms: acmeTerms }) },
  "sla.withdrawProposal": { refuse: "FORBIDDEN", call: (c, ids) => c.sla.withdrawProposal({ proposalId: ids.acmeProposal }) },
  "sla.acceptProposal": { refuse: "FORBIDDEN", call: (c, ids) => c.sla.acceptProposal({ proposalVersionId: ids.acmeProposalVersion }) },
  "sla.contract": { refuse: "NOT_FOUND", call: (c, ids) => c.sla.contract({ orgId: ids.acmeOrg }) },
  "helpdesk.queue": { ownOnly: (c, ids) => c.helpdesk.queue({ orgId: ids.acmeOrg, view: "all", search: "checkout" }), reveals: (result, ids) => mentions(result, ids) || JSON.stringify(result).includes(ids.acmeTicket) },
  "helpdesk.ticket": { refuse: "NOT_FOUND", call: (c, ids) => c.helpdesk.ticket({ ticketId: ids.acmeTicket }) },
  "helpdesk.create": { refuse: "NOT_FOUND", call: (c, ids) => c.helpdesk.create({ orgId: ids.acmeOrg, subject: "Planted ticket", body: "hello" }) },
  "helpdesk.reply": { refuse: "NOT_FOUND", call: (c, ids) => c.helpdesk.reply({ ticketId: ids.acmeTicket, body: "Intruder here" }) },
  "helpdesk.close": { refuse: "NOT_FOUND", call: (c, ids) => c.helpdesk.close({ ticketId: ids.acmeTicket }) },
  "helpdesk.rate": { refuse: "NOT_FOUND", call: (c, ids) => c.helpdesk.rate({ ticketId: ids.acmeTicket, rating: 1 }) },
  // Subscriptions: a caller gets the stream back; what it carries for Globex is tested in live.test.ts.
  "helpdesk.events": { ownOnly: (c) => c.helpdesk.events(), reveals: mentions },
  "helpdesk.presence": {
    refuse: "FORBIDDEN",
    call: async (c, ids) => {
      for await (const present of await c.helpdesk.presence({ ticketId: ids.acmeTicket, activity: "viewing" })) return present;
    },
  },
  "helpdesk.compliance": { refuse: "NOT_FOUND", call: (c, ids) => c.helpdesk.compliance({ orgId: ids.acmeOrg }) },
  "helpdesk.nodeChoices": { refuse: "NOT_FOUND", call: (c, ids) => c.helpdesk.nodeChoices({ orgId: ids.acmeOrg }) },
  "helpdesk.people": { refuse: "FORBIDDEN", call: (c) => c.helpdesk.people() },
  "helpdesk.update": { refuse: "FORBIDDEN", call: (c, ids) => c.helpdesk.update({ ticketId: ids.acmeTicket, status: "closed" }) },
  "helpdesk.bulkUpdate": { refuse: "FORBIDDEN", call: (c, ids) => c.helpdesk.bulkUpdate({ ticketIds: [ids.acmeTicket], priority: "low" }) },
  "helpdesk.escalate": { refuse: "FORBIDDEN", call: (c, ids) => c.helpdesk.escalate({ ticketId: ids.acmeTicket, note: "pwned" }) },
  "helpdesk.merge": { refuse: "FORBIDDEN", call: (c, ids) => c.helpdesk.merge({ ticketId: ids.acmeTicket, intoTicketId: ids.acmeTicket }) },
  "helpdesk.queueCounts": { refuse: "FORBIDDEN", call: (c) => c.helpdesk.queueCounts() },
  // Ticket numbers are sequential: walking them must not even tell a customer that a number exists.
  "helpdesk.lookup": { refuse: "FORBIDDEN", call: (c) => c.helpdesk.lookup({ number: 1 }) },
  "helpdesk.deadlines": { refuse: "FORBIDDEN", call: (c, ids) => c.helpdesk.deadlines({ ticketId: ids.acmeTicket }) },
  "helpdesk.preview": { refuse: "FORBIDDEN", call: (c) => c.helpdesk.preview({ body: "**hello**" }) },
  // Canned replies are the desk's own texts.
  "canned.list": { refuse: "FORBIDDEN", call: (c) => c.canned.list() },
  "canned.create": { refuse: "FORBIDDEN", call: (c) => c.canned.create({ title: "Planted", body: "Send us your password." }) },
  "canned.update": { refuse: "FORBIDDEN", call: (c) => c.canned.update({ cannedReplyId: "00000000-0000-4000-8000-000000000003", body: "Send us your password." }) },
  "canned.delete": { refuse: "FORBIDDEN", call: (c) => c.canned.delete({ cannedReplyId: "00000000-0000-4000-8000-000000000003" }) },
  // Mail is desk-only: the outbox holds every customer's notices, the quarantine strangers' mail.
  "mail.outbox": { refuse: "FORBIDDEN", call: (c) => c.mail.outbox({ state: "all" }) },
  "mail.retry": { refuse: "FORBIDDEN", call: (c) => c.mail.retry({ mailId: "00000000-0000-4000-8000-000000000001" }) },
  "mail.quarantine": { refuse: "FORBIDDEN", call: (c) => c.mail.quarantine({ state: "open" }) },
  "mail.release": { refuse: "FORBIDDEN", call: (c, ids) => c.mail.release({ quarantineId: "00000000-0000-4000-8000-000000000002", orgId: ids.acmeOrg }) },
  "mail.drop": { refuse: "FORBIDDEN", call: (c) => c.mail.drop({ quarantineId: "00000000-0000-4000-8000-000000000002" }) },
  // Delegation: kinds are code; grants, snippets, revisions and rollouts are Acme's own.
  "delegation.kinds": { ownOnly: (c) => c.delegation.kinds(), reveals: mentions },
  "delegation.grants.list": { refuse: "NOT_FOUND", call: (c, ids) => c.delegation.grants.list({ orgId: ids.acmeOrg }) },
  "delegation.grants.grant": {
    refuse: "FORBIDDEN",
    call: (c, ids) => c.delegation.grants.grant({ orgId: ids.acmeOrg, kind: "nginx", scope: { type: "org" }, mode: "auto" }),
  },
  "delegation.grants.revoke": { refuse: "FORBIDDEN", call: (c, ids) => c.delegation.grants.revoke({ grantId: ids.acmeGrant }) },
  "delegation.snippets.list": {
    ownOnly: (c) => c.delegation.snippets.list({}),
    reveals: (result, ids) => mentions(result, ids) || JSON.stringify(result).includes(ids.acmeSnippet),
  },
  "delegation.snippets.get": { refuse: "NOT_FOUND", call: (c, ids) => c.delegation.snippets.get({ snippetId: ids.acmeSnippet }) },
  "delegation.snippets.create": {
    refuse: "NOT_FOUND",
    call: (c, ids) => c.delegation.snippets.create({ orgId: ids.acmeOrg, kind: "nginx", slug: "planted", name: "Planted", scope: { type: "vm", vmId: ids.acmeVm } }),
  },
  "delegation.saveDraft": { refuse: "NOT_FOUND", call: (c, ids) => c.delegation.saveDraft({ snippetId: ids.acmeSnippet, content: { text: "return 302 https://evil.test;" } }) },
  "delegation.validateDraft": { refuse: "NOT_FOUND", call: (c, ids) => c.delegation.validateDraft({ snippetId: ids.acmeSnippet, content: { text: "" } }) },
  "delegation.submit": { refuse: "NOT_FOUND", call: (c, ids) => c.delegation.submit({ revisionId: ids.acmeRevision }) },
  "delegation.rollback": { refuse: "NOT_FOUND", call: (c, ids) => c.delegation.rollback({ revisionId: ids.acmeAppliedRevision }) },
  "delegation.diff": { refuse: "NOT_FOUND", call: (c, ids) => c.delegation.diff({ fromRevisionId: ids.acmeAppliedRevision, toRevisionId: ids.acmeRevision }) },
  "delegation.approvalsQueue": { refuse: "FORBIDDEN", call: (c) => c.delegation.approvalsQueue({}) },
  "delegation.approve": { refuse: "FORBIDDEN", call: (c, ids) => c.delegation.approve({ revisionId: ids.acmeRevision }) },
  "delegation.reject": { refuse: "FORBIDDEN", call: (c, ids) => c.delegation.reject({ revisionId: ids.acmeRevision, reason: "Because I can" }) },
  "delegation.approveMany": { refuse: "FORBIDDEN", call: (c, ids) => c.delegation.approveMany({ revisionIds: [ids.acmeRevision] }) },
  "delegation.rejectMany": { refuse: "FORBIDDEN", call: (c, ids) => c.delegation.rejectMany({ revisionIds: [ids.acmeRevision], reason: "Because I can" }) },
  "delegation.rollout.get": { refuse: "NOT_FOUND", call: (c, ids) => c.delegation.rollout.get({ rolloutId: ids.acmeRollout }) },
  // The live progress refuses before it listens: Globex never gets a stream of Acme's rollout.
  "rollout.progress": {
    refuse: "NOT_FOUND",
    call: async (c, ids) => {
      for await (const progress of await c.rollout.progress({ rolloutId: ids.acmeRollout })) return progress;
    },
  },
};

let acmeTerms: ContractTerms;

let ids: Ids;

beforeAll(async () => {
  const db = getDb();
  const idOf = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!.id;
  ids = {
    acmeOrg: (await db.select().from(orgs).where(eq(orgs.slug, "acme")))[0]!.id,
    acmeOwner: await idOf("owner@acme.test"),
    acmeDev: await idOf("dev@acme.test"),
    globexOwner: await idOf("owner@globex.test"),
    acmeVm: (await vmByName("acme-web01")).id,
    acmeService: await serviceId("acme-web01", "nginx"),
    hypervisor: await deviceId("kvm01"),
    pool: (await db.select().from(storagePools).limit(1))[0]!.id,
    storageServer: await deviceId("st01"),
    site: (await db.select().from(sites).limit(1))[0]!.id,
    dependency: (await db.select().from(dependencies).limit(1))[0]!.id,
    calendar: (await db.select().from(calendars).limit(1))[0]!.id,
    acmeProposal: "",
    acmeTicket: (await db.select().from(tickets).where(eq(tickets.orgId, (await db.select().from(orgs).where(eq(orgs.slug, "acme")))[0]!.id)).limit(1))[0]!.id,
    acmeProposalVersion: "",
    acmeGrant: "",
    acmeSnippet: "",
    acmeRevision: "",
    acmeAppliedRevision: "",
    acmeRollout: "",
  };
  // The seeded Acme snippet: applied revision 1, revision 2 waiting for review, and its rollout.
  const [acmeSnippet] = await db.select().from(snippets).where(eq(snippets.orgId, ids.acmeOrg)).limit(1);
  const revisions = await db.select().from(snippetRevisions).where(eq(snippetRevisions.snippetId, acmeSnippet!.id));
  ids.acmeSnippet = acmeSnippet!.id;
  ids.acmeRevision = revisions.find((r) => r.status === "submitted")!.id;
  ids.acmeAppliedRevision = revisions.find((r) => r.status === "applied")!.id;
  ids.acmeGrant = (await db.select().from(grants).where(eq(grants.orgId, ids.acmeOrg)).limit(1))[0]!.id;
  ids.acmeRollout = (await db.select().from(rollouts).where(eq(rollouts.orgId, ids.acmeOrg)).limit(1))[0]!.id;
  const [contract] = await db.select().from(contracts).where(eq(contracts.orgId, ids.acmeOrg));
  acmeTerms = contractTermsSchema.parse(contract!.terms);
  // A real open proposal of Acme's, so refusals are tested against a row that exists.
  const am = await callerFor("am@hostdesk.test");
  const offered = await am.sla.createProposal({ orgId: ids.acmeOrg, title: "Acme upgrade", scenario: {}, terms: acmeTerms });
  ids.acmeProposal = offered.proposalId;
  ids.acmeProposalVersion = offered.versionId;
});

describe("tenancy across every tRPC procedure", () => {
  it("has a case for every procedure in the router, and none for procedures that do not exist", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(0);
    expect(Object.keys(cases).sort()).toEqual(procedures);
  });

  for (const [path, spec] of Object.entries(cases)) {
    it(`${path}: a Globex customer cannot reach Acme`, async () => {
      // Login attempts and the caller's own session row may legitimately change; nothing else.
      const before = await databaseFingerprint();
      const caller = await callerFor("owner@globex.test");
      if ("refuse" in spec) {
        const error = await spec.call(caller, ids).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${path} should have been refused`).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe(spec.refuse);
        expect(await databaseFingerprint()).toEqual(before);
      } else {
        const result = await spec.ownOnly(caller, ids);
        expect(spec.reveals(result, ids)).toBe(false);
        const after = await databaseFingerprint();
        for (const table of ["public.orgs", "public.memberships"]) expect(after[table]).toBe(before[table]);
        const acmeUsers = await getDb().select().from(users).where(eq(users.email, "owner@acme.test"));
        expect(acmeUsers[0]?.sessionVersion).toBe(1);
      }
    });
  }

  it("an anonymous caller is refused by every procedure", async () => {
    const anonymous = await callerFor(null);
    for (const [path, spec] of Object.entries(cases)) {
      const run = "refuse" in spec ? spec.call(anonymous, ids) : spec.ownOnly(anonymous, ids);
      const error = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as TRPCError | null)?.code, path).toBe("UNAUTHORIZED");
    }
  });
});
