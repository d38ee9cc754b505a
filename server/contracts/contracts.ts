import { and, desc, eq, gt, lte } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { contracts } from "@/db/schema";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { calendarsById } from "@/server/calendars/store";
import { orgIdInput } from "@/server/identity/schemas";
import { notFound } from "@/server/errors";
import { contractInPlainWords } from "./plain-terms";
import { contractTermsSchema, type ContractTerms } from "./terms";

export type ContractInForce = { id: string; orgId: string; version: number; startsOn: string; endsOn: string | null; terms: ContractTerms };

const today = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The terms that govern an org's tickets at `at`: its newest contract version, unless that has
 * ended. Null means no contract: the help desk falls back to its default policy. No actor: callers
 * (the desk's deadline code, the portal page below) decide who may see it.
 */
export async function contractInForce(db: DbOrTx, orgId: string, at = new Date()): Promise<ContractInForce | null> {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), lte(contracts.startsOn, today(at))))
    .orderBy(desc(contracts.version))
    .limit(1);
  if (!row || (row.endsOn !== null && row.endsOn <= today(at))) return null;
  return toContract(row);
}

/** A version agreed but not yet started, if any: the newest one starting after `at`. */
async function upcomingContract(db: DbOrTx, orgId: string, at = new Date()): Promise<ContractInForce | null> {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), gt(contracts.startsOn, today(at))))
    .orderBy(desc(contracts.version))
    .limit(1);
  return row ? toContract(row) : null;
}

const toContract = (row: typeof contracts.$inferSelect): ContractInForce => ({
  id: row.id,
  orgId: row.orgId,
  version: row.version,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  terms: contractTermsSchema.parse(row.terms),
});

/** A contract version with its calendars and its terms in plain English and German. */
async function described(db: DbOrTx, contract: ContractInForce) {
  const found = await calendarsById(db, [contract.terms.supportCalendarId, contract.terms.serviceCalendarId].filter((id): id is string => id !== null));
  const support = found.get(contract.terms.supportCalendarId);
  if (!support) throw new Error(`contract ${contract.id} names a missing support calendar`);
  const service = contract.terms.serviceCalendarId ? (found.get(contract.terms.serviceCalendarId) ?? null) : null;
  return {
    ...contract,
    calendars: { support, service },
    plain: { en: contractInPlainWords(contract.terms, { support, service }, "en"), de: contractInPlainWords(contract.terms, { support, service }, "de") },
  };
}

/**
 * An org's contract as its people and the provider's staff read it: the version in force and any
 * agreed version still to start, each with its calendars and in plain English and German, and the
 * list of every version. Another org's id answers NOT_FOUND, exactly like a missing org.
 */
export async function contractOf(db: DbOrTx, actor: Actor, input: z.input<typeof orgIdInput>) {
  const { orgId } = orgIdInput.parse(input);
  if (!canSeeOrg(actor, orgId)) throw notFound("That organisation");
  const [current, upcoming, history] = await Promise.all([
    contractInForce(db, orgId),
    upcomingContract(db, orgId),
    db
      .select({ version: contracts.version, startsOn: contracts.startsOn, endsOn: contracts.endsOn, createdAt: contracts.createdAt })
      .from(contracts)
      .where(eq(contracts.orgId, orgId))
      .orderBy(desc(contracts.version)),
  ]);
  return { current: current ? await described(db, current) : null, upcoming: upcoming ? await described(db, upcoming) : null, history };
}
