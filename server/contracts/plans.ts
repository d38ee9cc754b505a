import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { plans } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { contractTermsSchema } from "./terms";

/** The plan catalogue account managers start a proposal from, in its shelf order. */
export async function listPlans(db: DbOrTx, actor: Actor) {
  requireStaff(actor);
  const rows = await db.select().from(plans).where(eq(plans.active, true)).orderBy(asc(plans.position), asc(plans.name));
  return rows.map((row) => ({ id: row.id, name: row.name, summary: row.summary, terms: contractTermsSchema.parse(row.terms) }));
}
