import { sql, type SQL } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { snippetKindNames } from "../../server/delegation/kind";
import { tickets } from "./helpdesk";
import { orgs, users } from "./identity";
import { environment, services, vms } from "./inventory";

/** Kinds live in code (server/delegation/kinds); the enum keeps rows to the kinds the code knows. */
export const snippetKind = pgEnum("snippet_kind", snippetKindNames);
/** What a grant or a snippet reaches: one VM, one service (on its VM), every VM of an environment, or the whole org. */
export const scopeType = pgEnum("delegation_scope", ["vm", "service", "environment", "org"]);
/** review: staff approve each change; auto: a change that passes policy is approved on submit. */
export const grantMode = pgEnum("grant_mode", ["review", "auto"]);
export const revisionStatus = pgEnum("revision_status", ["draft", "submitted", "approved", "rejected", "rolling_out", "applied", "failed", "superseded"]);
export const reviewDecision = pgEnum("review_decision", ["approved", "rejected"]);
export const rolloutStatus = pgEnum("rollout_status", ["pending", "running", "done", "failed"]);
export const rolloutHostState = pgEnum("rollout_host_state", ["pending", "applying", "applied", "unchanged", "failed"]);

/**
 * A scope is exactly one of: a VM, a service, an environment, the org. The CHECK keeps the columns
 * honest so no reader has to guess which one counts.
 */
const scopeCheck = (t: { scopeType: AnyPgColumn; vmId: AnyPgColumn; serviceId: AnyPgColumn; environment: AnyPgColumn }): SQL =>
  sql`(${t.scopeType} = 'vm' and ${t.vmId} is not null and ${t.serviceId} is null and ${t.environment} is null)
    or (${t.scopeType} = 'service' and ${t.serviceId} is not null and ${t.vmId} is null and ${t.environment} is null)
    or (${t.scopeType} = 'environment' and ${t.environment} is not null and ${t.vmId} is null and ${t.serviceId} is null)
    or (${t.scopeType} = 'org' and ${t.vmId} is null and ${t.serviceId} is null and ${t.environment} is null)`;

/**
 * Permission for a customer org (or one user of it) to edit one snippet kind on a scope of its own
 * hosts. Revoked grants stay for the record; only rows with `revoked_at` null count.
 */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    /** Null: everyone of the org; set: only this one user of it. */
    userId: uuid("user_id").references(() => users.id),
    kind: snippetKind("kind").notNull(),
    scopeType: scopeType("scope_type").notNull(),
    vmId: uuid("vm_id").references(() => vms.id),
    serviceId: uuid("service_id").references(() => services.id),
    environment: environment("environment"),
    mode: grantMode("mode").notNull().default("review"),
    grantedBy: uuid("granted_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
  },
  (t) => [index("grants_org_kind_idx").on(t.orgId, t.kind).where(sql`${t.revokedAt} is null`), check("grants_scope_shape", scopeCheck(t))],
);

/**
 * A customer's piece of configuration of one kind, aimed at a scope of the org's hosts. Its content
 * lives in immutable revisions; the snippet points at the newest one, the one hosts should have, and
 * the one they last confirmed.
 */
export const snippets = pgTable(
  "snippets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    kind: snippetKind("kind").notNull(),
    /** File names on hosts derive from it, so it never changes once created. */
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    scopeType: scopeType("scope_type").notNull(),
    vmId: uuid("vm_id").references(() => vms.id),
    serviceId: uuid("service_id").references(() => services.id),
    environment: environment("environment"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** The newest revision: what the editor opens. */
    currentRevisionId: uuid("current_revision_id").references((): AnyPgColumn => snippetRevisions.id),
    /** The newest approved revision: the desired state hosts converge to. */
    approvedRevisionId: uuid("approved_revision_id").references((): AnyPgColumn => snippetRevisions.id),
    /** The revision every affected host last confirmed. Set by the rollout. */
    appliedRevisionId: uuid("applied_revision_id").references((): AnyPgColumn => snippetRevisions.id),
    /** The help-desk ticket where this snippet's change requests are discussed. */
    ticketId: uuid("ticket_id").references(() => tickets.id),
  },
  (t) => [
    uniqueIndex("snippets_org_kind_slug_key").on(t.orgId, t.kind, t.slug),
    index("snippets_vm_idx").on(t.vmId),
    index("snippets_service_idx").on(t.serviceId),
    check("snippets_scope_shape", scopeCheck(t)),
    check("snippets_slug_shape", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,47}$'`),
  ],
);

/**
 * One version of a snippet's content. Content, author and validation never change after insert (a
 * trigger refuses it, see migration 0005); only the lifecycle columns move. A rollback is a new
 * revision based on an old one.
 */
export const snippetRevisions = pgTable(
  "snippet_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    snippetId: uuid("snippet_id")
      .notNull()
      .references(() => snippets.id),
    /** 1, 2, 3… per snippet. */
    number: integer("number").notNull(),
    content: jsonb("content").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    basedOnRevisionId: uuid("based_on_revision_id").references((): AnyPgColumn => snippetRevisions.id),
    /** The schema and policy findings on this content when it was written: `{ issues, errors, warnings }`. */
    validation: jsonb("validation").notNull(),
    status: revisionStatus("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Null with a decision set: the system approved it under an auto grant. */
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    rejectReason: text("reject_reason"),
  },
  (t) => [
    uniqueIndex("snippet_revisions_number_key").on(t.snippetId, t.number),
    index("snippet_revisions_submitted_idx").on(t.submittedAt).where(sql`${t.status} = 'submitted'`),
    check("snippet_revisions_number_positive", sql`${t.number} > 0`),
    check("snippet_revisions_reject_reason", sql`${t.status} <> 'rejected' or ${t.rejectReason} is not null`),
  ],
);

/** Each decision on a revision, by a person or (reviewer null) by the system under an auto grant. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => snippetRevisions.id),
    reviewerId: uuid("reviewer_id").references(() => users.id),
    decision: reviewDecision("decision").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reviews_revision_idx").on(t.revisionId)],
);

/** Orders every rollout: a host that has applied generation N has everything approved up to N. */
export const rolloutGeneration = pgSequence("rollout_generation", { startWith: 1 });

/** One push of desired state to hosts: for one approved revision, or (revision null) a converge pass. */
export const rollouts = pgTable(
  "rollouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    revisionId: uuid("revision_id").references(() => snippetRevisions.id),
    /** The customer org whose change this is; null for a converge pass across orgs. */
    orgId: uuid("org_id").references(() => orgs.id),
    generation: bigint("generation", { mode: "number" })
      .notNull()
      .default(sql`nextval('rollout_generation')`),
    status: rolloutStatus("status").notNull().default("pending"),
    hostsTotal: integer("hosts_total").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("rollouts_generation_key").on(t.generation),
    index("rollouts_revision_idx").on(t.revisionId),
    index("rollouts_org_idx").on(t.orgId, t.createdAt),
    index("rollouts_open_idx").on(t.createdAt).where(sql`${t.status} in ('pending', 'running')`),
  ],
);

export const rolloutHosts = pgTable(
  "rollout_hosts",
  {
    rolloutId: uuid("rollout_id")
      .notNull()
      .references(() => rollouts.id),
    vmId: uuid("vm_id")
      .notNull()
      .references(() => vms.id),
    state: rolloutHostState("state").notNull().default("pending"),
    log: text("log").notNull().default(""),
    filesWritten: integer("files_written").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.rolloutId, t.vmId] }), index("rollout_hosts_vm_idx").on(t.vmId)],
);

/** What each host last applied: the generation and the hash of every file Hostdesk wrote there. */
export const hostStates = pgTable("host_states", {
  vmId: uuid("vm_id")
    .primaryKey()
    .references(() => vms.id),
  generation: bigint("generation", { mode: "number" }).notNull(),
  /** `{ "etc/nginx/…/file.conf": "sha256 hex" }` */
  fileHashes: jsonb("file_hashes").notNull().default({}),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Files found changed on a host behind Hostdesk's back, and when they were put right. */
export const driftEvents = pgTable(
  "drift_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    vmId: uuid("vm_id")
      .notNull()
      .references(() => vms.id),
    paths: jsonb("paths").notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull().defaultNow(),
    repairedAt: timestamp("repaired_at", { withTimezone: true }),
  },
  (t) => [index("drift_events_vm_idx").on(t.vmId, t.detectedAt), index("drift_events_open_idx").on(t.detectedAt).where(sql`${t.repairedAt} is null`)],
);
