import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";

/** Who did it: a signed-in person, or a named system process (seed, worker, launcher). */
export type AuditActor = Pick<Actor, "userId" | "email"> | { system: string };

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId: string;
  /** The customer org the subject belongs to, so the org can later read its own trail. */
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * The one way to write the audit trail. Call it with the transaction that makes the change, so the
 * record and the change commit or roll back together.
 */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const isSystem = "system" in actor;
  await tx.insert(auditEvents).values({
    actorUserId: isSystem ? null : actor.userId,
    actorLabel: isSystem ? `system:${actor.system}` : actor.email,
    orgId: entry.orgId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
