import { desc, eq } from "drizzle-orm";
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
  const [row] = await db.select().from(contracts).where(eq(contracts.orgId, orgId)).orderBy(desc(contracts.version)).limit(1);
  if (!row || (row.endsOn !== null && row.endsOn <= today(at)) || row.startsOn > today(at)) return null;
  return { id: row.id, orgId: row.orgId, version: row.version, startsOn: row.startsOn, endsOn: row.endsOn, terms: contractTermsSchema.parse(row.terms) };
}

/**
 * An org's contract as its people and the provider's staff read it: the terms, the calendars they
 * name, the terms in plain English and German, and the earlier versions. Another org's id answers
 * NOT_FOUND, exactly like a missing org.
 */
export async function contractOf(db: DbOrTx, actor: Actor, input: z.input<typeof orgIdInput>) {
  const { orgId } = orgIdInput.parse(input);
  if (!canSeeOrg(actor, orgId)) throw notFound("That organisation");
  const current = await contractInForce(db, orgId);
  const history = await db
    .select({ version: contracts.version, startsOn: contracts.startsOn, endsOn: contracts.endsOn, createdAt: contracts.createdAt })
    .from(contracts)
    .where(eq(contracts.orgId, orgId))
    .orderBy(desc(contracts.version));
  if (!current) return { current: null, history };
  const found = await calendarsById(db, [current.terms.supportCalendarId, current.terms.serviceCalendarId].filter((id): id is string => id !== null));
  const support = found.get(current.terms.supportCalendarId);
  if (!support) throw new Error(`contract ${current.id} names a missing support calendar`);
  const service = current.terms.serviceCalendarId ? (found.get(current.terms.serviceCalendarId) ?? null) : null;
  return {
    current: {
      ...current,
      calendars: { support, service },
      plain: { en: contractInPlainWords(current.terms, { support, service }, "en"), de: contractInPlainWords(current.terms, { support, service }, "de") },
    },
    history,
  };
}
