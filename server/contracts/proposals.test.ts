import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, calendars, orgs, proposals } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";

const orgId = async (slug: string) => (await getDb().select().from(orgs).where(eq(orgs.slug, slug)))[0]!.id;
const calendarId = async (name: string) => (await getDb().select().from(calendars).where(eq(calendars.name, name)))[0]!.id;

async function premiumTerms() {
  const am = await callerFor("am@hostdesk.test");
  const premium = (await am.sla.plans()).find((p) => p.name === "Premium")!;
  return premium.terms;
}

describe("contracts in plain words", () => {
  it("tells each customer its own terms, in English and German", async () => {
    const acme = await callerFor("owner@acme.test");
    const contract = await acme.sla.contract({ orgId: await orgId("acme") });
    expect(contract.current?.plain.en).toMatch(/^At most 43 m 49 s downtime per month, no single outage longer than 4 h, support Mon–Fri 07–20 except public holidays, urgent tickets answered within 1 hour around the clock\.$/);
    expect(contract.current?.plain.de).toMatch(/^Höchstens 43 Min\. 49 Sek\. Ausfallzeit pro Monat/);

    const globex = await callerFor("owner@globex.test");
    const theirs = await globex.sla.contract({ orgId: await orgId("globex") });
    expect(theirs.current?.calendars.support.timeZone).toBe("America/New_York");
    expect(theirs.current?.plain.en).toContain("support Mon–Fri 09–17 except public holidays");
  });
});

describe("proposals become contracts", () => {
  it("an account manager offers, revises and gets a version accepted: it becomes the org's next contract version", async () => {
    const am = await callerFor("am@hostdesk.test");
    const acme = await orgId("acme");
    const before = await am.sla.contract({ orgId: acme });
    expect(before.current?.version).toBe(1);

    const terms = await premiumTerms();
    const offered = await am.sla.createProposal({ orgId: acme, title: "Acme goes Premium", scenario: {}, terms, note: "first offer" });
    const revised = await am.sla.reviseProposal({ proposalId: offered.proposalId, scenario: { target: { availability: 0.9995 } }, terms: { ...terms, monthlyPrice: 2290 }, note: "discount" });
    expect(revised.version).toBe(2);

    const proposal = await am.sla.proposal({ proposalId: offered.proposalId });
    expect(proposal.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(proposal.versions[1]!.terms.monthlyPrice).toBe(terms.monthlyPrice);

    const accepted = await am.sla.acceptProposal({ proposalVersionId: revised.versionId });
    expect(accepted.version).toBe(2);
    const after = await am.sla.contract({ orgId: acme });
    expect(after.current?.version).toBe(2);
    expect(after.current?.terms.monthlyPrice).toBe(2290);
    expect(after.history.map((h) => h.version)).toEqual([2, 1]);
    expect((await am.sla.proposal({ proposalId: offered.proposalId })).acceptedVersionId).toBe(revised.versionId);

    const trail = await getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, acme), eq(auditEvents.subjectId, offered.proposalId)));
    expect(trail.map((t) => t.action).sort()).toEqual(["proposal.accept", "proposal.create", "proposal.revise"]);

    // Once accepted, the offer is closed: no more versions, no second acceptance.
    await expect(am.sla.reviseProposal({ proposalId: offered.proposalId, scenario: {}, terms })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(am.sla.acceptProposal({ proposalVersionId: offered.versionId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("offers one tier of a calculator scenario: the terms are derived on the server", async () => {
    const am = await callerFor("am@hostdesk.test");
    const offer = { tierName: "Premium", supportCalendarId: await calendarId("Around the clock"), serviceCalendarId: null, startsOn: "2027-01-01", endsOn: "2028-01-01" };
    const offered = await am.sla.createProposal({ orgId: await orgId("globex"), title: "Globex Premium", scenario: {}, offer });
    const [version] = (await am.sla.proposal({ proposalId: offered.proposalId })).versions;
    expect(version!.terms).toMatchObject({ availabilityTarget: 0.9995, monthlyPrice: 2490, supportCalendarId: offer.supportCalendarId, endsOn: "2028-01-01" });
    await expect(am.sla.createProposal({ orgId: await orgId("globex"), title: "Both ways", scenario: {}, offer, terms: version!.terms })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a withdrawn proposal cannot be accepted", async () => {
    const am = await callerFor("am@hostdesk.test");
    const offered = await am.sla.createProposal({ orgId: await orgId("globex"), title: "Globex trial", scenario: {}, terms: await premiumTerms() });
    await am.sla.withdrawProposal({ proposalId: offered.proposalId });
    await expect(am.sla.acceptProposal({ proposalVersionId: offered.versionId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await am.sla.contract({ orgId: await orgId("globex") })).current?.version).toBe(1);
  });

  it("refuses terms that name a missing calendar or end before they start, and writes nothing", async () => {
    const am = await callerFor("am@hostdesk.test");
    const terms = await premiumTerms();
    const before = await databaseFingerprint();
    await expect(
      am.sla.createProposal({ orgId: await orgId("acme"), title: "Broken", scenario: {}, terms: { ...terms, supportCalendarId: "00000000-0000-4000-8000-000000000000" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The support calendar does not exist." });
    await expect(am.sla.createProposal({ orgId: await orgId("acme"), title: "Backwards", scenario: {}, terms: { ...terms, endsOn: "2025-01-01" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(am.sla.createProposal({ orgId: await orgId("hostdesk"), title: "To ourselves", scenario: {}, terms })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("agents read proposals and contracts but cannot negotiate", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const acme = await orgId("acme");
    expect((await agent.sla.contract({ orgId: acme })).current).not.toBeNull();
    expect(Array.isArray(await agent.sla.proposals({ orgId: acme }))).toBe(true);
    const count = (await getDb().select().from(proposals)).length;
    await expect(agent.sla.createProposal({ orgId: acme, title: "Agent's deal", scenario: {}, terms: await premiumTerms() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getDb().select().from(proposals)).length).toBe(count);
  });
});

describe("calendars", () => {
  it("account managers keep calendars; names are unique; overlapping frames are refused", async () => {
    const am = await callerFor("am@hostdesk.test");
    const created = await am.sla.createCalendar({ name: "Saturday mornings", timeZone: "Europe/Vienna", frames: [{ weekday: 6, startMinute: 540, endMinute: 780 }], holidays: [] });
    const updated = await am.sla.updateCalendar({ calendarId: created.id, name: "Saturday mornings", timeZone: "Europe/Vienna", frames: [{ weekday: 6, startMinute: 480, endMinute: 780 }], holidays: ["2026-12-26"] });
    expect(updated.frames[0]!.startMinute).toBe(480);
    await expect(am.sla.createCalendar({ name: "Saturday mornings", timeZone: "UTC", frames: [], holidays: [] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      am.sla.createCalendar({
        name: "Overlapping",
        timeZone: "UTC",
        frames: [
          { weekday: 1, startMinute: 480, endMinute: 720 },
          { weekday: 1, startMinute: 600, endMinute: 900 },
        ],
        holidays: [],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const agent = await callerFor("agent@hostdesk.test");
    await expect(agent.sla.updateCalendar({ calendarId: created.id, name: "Agent hours", timeZone: "UTC", frames: [], holidays: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await agent.sla.calendar({ calendarId: await calendarId("Saturday mornings") })).holidays).toEqual(["2026-12-26"]);
  });
});
