import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";

export const listAuditInput = z.object({
  subjectType: z.string().max(64).optional(),
  subjectId: z.string().max(128).optional(),
  orgId: z.uuid().optional(),
  /** Keyset pagination: events older than this id. */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** The audit trail, newest first. Administrators only: it shows every org's changes. */
export async function listAuditEvents(db: DbOrTx, actor: Actor, input: z.input<typeof listAuditInput>) {
  requireStaff(actor, ["admin"]);
  const query = listAuditInput.parse(input);
  const filters: SQL[] = [];
  if (query.subjectType) filters.push(eq(auditEvents.subjectType, query.subjectType));
  if (query.subjectId) filters.push(eq(auditEvents.subjectId, query.subjectId));
  if (query.orgId) filters.push(eq(auditEvents.orgId, query.orgId));
  if (query.before) filters.push(lt(auditEvents.id, query.before));
  return db
    .select()
    .from(auditEvents)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(query.limit);
}
