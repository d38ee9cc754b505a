import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgs, users } from "./identity";

/**
 * Append-only record of every mutation, written in the transaction of the change it records.
 * A trigger (migration 0001) rejects UPDATE and DELETE so history cannot be rewritten.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    /** Kept as text so the record reads on its own (system actors have no user row). */
    actorLabel: text("actor_label").notNull(),
    /** The customer org the subject belongs to, when there is one: lets customers read their own trail. */
    orgId: uuid("org_id").references(() => orgs.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId, t.at),
    index("audit_events_org_idx").on(t.orgId, t.at),
    index("audit_events_at_idx").on(t.at),
  ],
);
