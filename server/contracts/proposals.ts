import { and, desc, eq, max } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { contracts, orgs, proposals, proposalVersions, users } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { conflict, notFound } from "@/server/errors";
import { scenarioInput } from "@/server/sla/schemas";
import { withDeadlinesRecomputed } from "@/server/helpdesk/recompute";
import { assertCalendarsExist } from "./calendar-check";
import { acceptProposalInput, createProposalInput, listProposalsInput, proposalIdInput, reviseProposalInput } from "./schemas";
import { contractTermsSchema, type ContractTerms } from "./terms";
import { termsFromScenario } from "./terms-from-scenario";

/** Account managers (and admins) negotiate; every staff member may read what was offered. */
export const negotiators = ["account_manager"] as const;

const termsOffered = (data: z.output<typeof createProposalInput> | z.output<typeof reviseProposalInput>): ContractTerms =>
  data.terms ?? termsFromScenario(data.scenario, data.offer!);

async function customerOrg(db: DbOrTx, orgId: string) {
  const [org] = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(and(eq(orgs.id, orgId), eq(orgs.kind, "customer")));
  if (!org) throw notFound("That customer");
  return org;
}

export async function listProposals(db: DbOrTx, actor: Actor, input: z.input<typeof listProposalsInput>) {
  requireStaff(actor);
  const { orgId } = listProposalsInput.parse(input);
  return db
    .select({
      id: proposals.id,
      orgId: proposals.orgId,
      orgName: orgs.name,
      title: proposals.title,
      status: proposals.status,
      updatedAt: proposals.updatedAt,
      versions: max(proposalVersions.version),
    })
    .from(proposals)
    .innerJoin(orgs, eq(orgs.id, proposals.orgId))
    .leftJoin(proposalVersions, eq(proposalVersions.proposalId, proposals.id))
    .where(orgId ? eq(proposals.orgId, orgId) : undefined)
    .groupBy(proposals.id, orgs.name)
    .orderBy(desc(proposals.updatedAt));
}

/** A proposal with every version, newest first; stored documents are re-validated on the way out. */
export async function getProposal(db: DbOrTx, actor: Actor, input: z.input<typeof proposalIdInput>) {
  requireStaff(actor);
  const { proposalId } = proposalIdInput.parse(input);
  const [proposal] = await db
    .select({ id: proposals.id, orgId: proposals.orgId, orgName: orgs.name, title: proposals.title, status: proposals.status, createdAt: proposals.createdAt })
    .from(proposals)
    .innerJoin(orgs, eq(orgs.id, proposals.orgId))
    .where(eq(proposals.id, proposalId));
  if (!proposal) throw notFound("That proposal");
  const versions = await db
    .select({
      id: proposalVersions.id,
      version: proposalVersions.version,
      scenario: proposalVersions.scenario,
      terms: proposalVersions.terms,
      note: proposalVersions.note,
      createdAt: proposalVersions.createdAt,
      createdBy: users.name,
    })
    .from(proposalVersions)
    .leftJoin(users, eq(users.id, proposalVersions.createdBy))
    .where(eq(proposalVersions.proposalId, proposalId))
    .orderBy(desc(proposalVersions.version));
  const [accepted] = await db.select({ versionId: contracts.proposalVersionId }).from(contracts).innerJoin(proposalVersions, eq(proposalVersions.id, contracts.proposalVersionId)).where(eq(proposalVersions.proposalId, proposalId));
  return {
    ...proposal,
    acceptedVersionId: accepted?.versionId ?? null,
    versions: versions.map((v) => ({ ...v, scenario: scenarioInput.parse(v.scenario), terms: contractTermsSchema.parse(v.terms) })),
  };
}

export async function createProposal(db: Db, actor: Actor, input: z.input<typeof createProposalInput>) {
  requireStaff(actor, negotiators);
  const data = createProposalInput.parse(input);
  return db.transaction(async (tx) => {
    const org = await customerOrg(tx, data.orgId);
    const terms = termsOffered(data);
    await assertCalendarsExist(tx, terms);
    const [proposal] = await tx.insert(proposals).values({ orgId: org.id, title: data.title, createdBy: actor.userId }).returning();
    const [version] = await tx
      .insert(proposalVersions)
      .values({ proposalId: proposal!.id, version: 1, scenario: data.scenario, terms, note: data.note, createdBy: actor.userId })
      .returning({ id: proposalVersions.id, version: proposalVersions.version });
    await recordAudit(tx, actor, { action: "proposal.create", subjectType: "proposal", subjectId: proposal!.id, orgId: org.id, after: { title: data.title, terms } });
    return { proposalId: proposal!.id, versionId: version!.id, version: version!.version };
  });
}

/** A new version of an open proposal; earlier versions stay as they were offered. */
export async function reviseProposal(db: Db, actor: Actor, input: z.input<typeof reviseProposalInput>) {
  requireStaff(actor, negotiators);
  const data = reviseProposalInput.parse(input);
  return db.transaction(async (tx) => {
    const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, data.proposalId)).for("update");
    if (!proposal) throw notFound("That proposal");
    if (proposal.status !== "open") throw conflict(`This proposal is ${proposal.status}; start a new one to offer different terms.`);
    const terms = termsOffered(data);
    await assertCalendarsExist(tx, terms);
    const [latest] = await tx.select({ n: max(proposalVersions.version) }).from(proposalVersions).where(eq(proposalVersions.proposalId, proposal.id));
    const next = (latest?.n ?? 0) + 1;
    const [version] = await tx
      .insert(proposalVersions)
      .values({ proposalId: proposal.id, version: next, scenario: data.scenario, terms, note: data.note, createdBy: actor.userId })
      .returning({ id: proposalVersions.id });
    await tx.update(proposals).set({ updatedAt: new Date() }).where(eq(proposals.id, proposal.id));
    await recordAudit(tx, actor, { action: "proposal.revise", subjectType: "proposal", subjectId: proposal.id, orgId: proposal.orgId, after: { version: next, terms } });
    return { proposalId: proposal.id, versionId: version!.id, version: next };
  });
}

export async function withdrawProposal(db: Db, actor: Actor, input: z.input<typeof proposalIdInput>) {
  requireStaff(actor, negotiators);
  const { proposalId } = proposalIdInput.parse(input);
  return db.transaction(async (tx) => {
    const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for("update");
    if (!proposal) throw notFound("That proposal");
    if (proposal.status !== "open") throw conflict(`This proposal is already ${proposal.status}.`);
    await tx.update(proposals).set({ status: "withdrawn", updatedAt: new Date() }).where(eq(proposals.id, proposalId));
    await recordAudit(tx, actor, { action: "proposal.withdraw", subjectType: "proposal", subjectId: proposalId, orgId: proposal.orgId, before: { status: "open" }, after: { status: "withdrawn" } });
    return { proposalId, status: "withdrawn" as const };
  });
}

/**
 * The customer said yes to one version: its terms become the org's contract, as the next version
 * of it, and the proposal is closed as accepted. The help desk reads the new terms from then on.
 */
export async function acceptProposal(db: Db, actor: Actor, input: z.input<typeof acceptProposalInput>) {
  requireStaff(actor, negotiators);
  const { proposalVersionId } = acceptProposalInput.parse(input);
  return db.transaction(async (tx) => {
    const [offered] = await tx.select().from(proposalVersions).where(eq(proposalVersions.id, proposalVersionId));
    if (!offered) throw notFound("That proposal version");
    const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, offered.proposalId)).for("update");
    if (!proposal) throw notFound("That proposal");
    if (proposal.status !== "open") throw conflict(`This proposal is already ${proposal.status}.`);
    const terms = contractTermsSchema.parse(offered.terms);
    await assertCalendarsExist(tx, terms);
    // Serialise contract versions per org: two acceptances at once must not both become version n.
    await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, proposal.orgId)).for("update");
    // The org's open tickets move onto the new terms at once (if they are already in force).
    const { contract, version } = await withDeadlinesRecomputed(tx, proposal.orgId, new Date(), async () => {
      const [latest] = await tx.select({ n: max(contracts.version) }).from(contracts).where(eq(contracts.orgId, proposal.orgId));
      const version = (latest?.n ?? 0) + 1;
      const [contract] = await tx
        .insert(contracts)
        .values({ orgId: proposal.orgId, version, terms, proposalVersionId, startsOn: terms.startsOn, endsOn: terms.endsOn, createdBy: actor.userId })
        .returning({ id: contracts.id });
      return { contract: contract!, version };
    });
    await tx.update(proposals).set({ status: "accepted", updatedAt: new Date() }).where(eq(proposals.id, proposal.id));
    await recordAudit(tx, actor, {
      action: "proposal.accept",
      subjectType: "proposal",
      subjectId: proposal.id,
      orgId: proposal.orgId,
      after: { proposalVersionId, contractVersion: version },
    });
    await recordAudit(tx, actor, { action: "contract.create", subjectType: "contract", subjectId: contract.id, orgId: proposal.orgId, after: { version, terms } });
    return { contractId: contract.id, orgId: proposal.orgId, version };
  });
}

