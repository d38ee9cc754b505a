import { sql, type SQL } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgs, users } from "./identity";
import { nodeKind } from "./inventory";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const ticketStatus = pgEnum("ticket_status", ["new", "open", "waiting_on_customer", "on_hold", "solved", "closed"]);
export const ticketPriority = pgEnum("ticket_priority", ["low", "normal", "high", "urgent"]);
/** Who works the ticket: 1st-level support, or engineering once escalated. */
export const ticketLevel = pgEnum("ticket_level", ["support", "engineering"]);
export const messageVisibility = pgEnum("message_visibility", ["public", "internal"]);
export const messageChannel = pgEnum("message_channel", ["portal", "desk", "email"]);
export const messageAuthorKind = pgEnum("message_author_kind", ["customer", "staff", "system"]);

/**
 * A ticket. Besides what people see, it carries the state of its SLA clock (see server/helpdesk/clock):
 * business minutes consumed while running, when the current running stretch began, and the
 * deadlines computed from them, so the queue can sort by the next deadline with an index.
 */
export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigserial("number", { mode: "number" }).notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    requesterId: uuid("requester_id").references(() => users.id),
    requesterEmail: text("requester_email").notNull(),
    subject: text("subject").notNull(),
    status: ticketStatus("status").notNull().default("new"),
    priority: ticketPriority("priority").notNull().default("normal"),
    category: text("category"),
    level: ticketLevel("level").notNull().default("support"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    mergedIntoId: uuid("merged_into_id"),
    /** The secret in the ticket's reply address: mail to support+<token>@… threads here. */
    replyToken: text("reply_token").notNull(),
    satisfactionRating: integer("satisfaction_rating"),
    satisfactionComment: text("satisfaction_comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    solvedAt: timestamp("solved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),

    /** Where the targets came from: "contract v2" or "default policy". */
    slaSource: text("sla_source").notNull().default("default policy"),
    clockConsumedMinutes: doublePrecision("clock_consumed_minutes").notNull().default(0),
    /** Start of the running stretch; null while paused (waiting on customer, on hold) or stopped. */
    clockRunningSince: timestamp("clock_running_since", { withTimezone: true }),
    firstRespondedAt: timestamp("first_responded_at", { withTimezone: true }),
    /** The customer's message that no staff public reply has answered yet. */
    awaitingReplySince: timestamp("awaiting_reply_since", { withTimezone: true }),
    firstResponseDueAt: timestamp("first_response_due_at", { withTimezone: true }),
    nextReplyDueAt: timestamp("next_reply_due_at", { withTimezone: true }),
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }),
    /** Whether the first response and the resolution came within target: null until they happen. */
    firstResponseMet: boolean("first_response_met"),
    resolutionMet: boolean("resolution_met"),
    /** The earliest pending deadline, and when it becomes "due soon" (a share of its target used). */
    nextDueAt: timestamp("next_due_at", { withTimezone: true }),
    nextWarnAt: timestamp("next_warn_at", { withTimezone: true }),

    /**
     * The words of every message, and of the public ones alone, kept by statement triggers on
     * `ticket_messages` (migration 0006_ticket_words). Positions are stripped: the queue orders by
     * deadline, never by rank, and stripped vectors stay small on long threads.
     */
    messageWords: tsvector("message_words").notNull().default(sql`''::tsvector`),
    publicMessageWords: tsvector("public_message_words").notNull().default(sql`''::tsvector`),
    /**
     * What staff search (subject and every message, internal notes too) and what customers search
     * (subject and public messages). One vector per ticket, so a search is one GIN lookup on tickets
     * that the planner can combine with the queue's deadline order, not a join from millions of messages.
     */
    search: tsvector("search").generatedAlwaysAs((): SQL => sql`strip(to_tsvector('simple', coalesce(subject, ''))) || message_words`),
    publicSearch: tsvector("public_search").generatedAlwaysAs((): SQL => sql`strip(to_tsvector('simple', coalesce(subject, ''))) || public_message_words`),
  },
  (t) => [
    uniqueIndex("tickets_number_key").on(t.number),
    uniqueIndex("tickets_reply_token_key").on(t.replyToken),
    // The queue reads in deadline order (queue.ts): each view has an index in that order, so a page
    // is a short index walk, not a sort of every open ticket.
    index("tickets_queue_all_idx").on(t.nextDueAt.asc().nullsLast(), t.number.desc()),
    index("tickets_queue_open_idx").on(t.nextDueAt.asc().nullsLast(), t.number.desc()).where(sql`${t.status} not in ('solved', 'closed') and ${t.mergedIntoId} is null`),
    index("tickets_queue_level_idx").on(t.level, t.nextDueAt.asc().nullsLast(), t.number.desc()).where(sql`${t.status} not in ('solved', 'closed') and ${t.mergedIntoId} is null`),
    index("tickets_queue_assignee_idx").on(t.assigneeId, t.nextDueAt.asc().nullsLast(), t.number.desc()).where(sql`${t.status} not in ('solved', 'closed') and ${t.mergedIntoId} is null`),
    index("tickets_queue_status_idx").on(t.status, t.number.desc()),
    index("tickets_org_idx").on(t.orgId, t.nextDueAt.asc().nullsLast(), t.number.desc()),
    index("tickets_tags_idx").using("gin", t.tags),
    index("tickets_search_idx").using("gin", t.search),
    index("tickets_public_search_idx").using("gin", t.publicSearch),
    check("tickets_rating_range", sql`${t.satisfactionRating} is null or ${t.satisfactionRating} between 1 and 5`),
  ],
);

export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    authorId: uuid("author_id").references(() => users.id),
    authorEmail: text("author_email").notNull(),
    authorName: text("author_name").notNull(),
    authorKind: messageAuthorKind("author_kind").notNull(),
    visibility: messageVisibility("visibility").notNull(),
    channel: messageChannel("channel").notNull(),
    /** Markdown as written. */
    body: text("body").notNull(),
    /** The body rendered once, when written (server/helpdesk/markdown.ts: raw HTML never passes through). */
    bodyHtml: text("body_html").notNull(),
    /** The Message-ID of the mail it came in as, so a redelivered mail is not stored twice. */
    emailMessageId: text("email_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ticket_messages_ticket_idx").on(t.ticketId, t.createdAt), uniqueIndex("ticket_messages_email_key").on(t.emailMessageId)],
);

/** Files stay in Postgres; the id is random, and every download checks access to the ticket. */
export const ticketAttachments = pgTable(
  "ticket_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    messageId: uuid("message_id").references(() => ticketMessages.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ticket_attachments_ticket_idx").on(t.ticketId), index("ticket_attachments_message_idx").on(t.messageId)],
);

/** The VMs and services a ticket is about. */
export const ticketLinks = pgTable(
  "ticket_links",
  {
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    nodeKind: nodeKind("node_kind").notNull(),
    nodeId: uuid("node_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.nodeId] }), index("ticket_links_node_idx").on(t.nodeId)],
);

export const ticketWatchers = pgTable(
  "ticket_watchers",
  {
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] })],
);

export const cannedReplies = pgTable("canned_replies", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull().unique(),
  body: text("body").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every mail Hostdesk sends, written in the transaction that caused it; the worker delivers it
 * through SMTP_URL, or it stays here as the outbox staff can read when no SMTP server is set.
 */
export const outboundMail = pgTable(
  "outbound_mail",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id").references(() => tickets.id),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    messageIdHeader: text("message_id_header").notNull(),
    inReplyTo: text("in_reply_to"),
    referencesHeader: text("references_header"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("outbound_mail_pending_idx").on(t.createdAt).where(sql`${t.sentAt} is null`), index("outbound_mail_ticket_idx").on(t.ticketId)],
);

/** Mail from senders no customer org knows: held for staff to release into a ticket or drop. */
export const inboundQuarantine = pgTable(
  "inbound_quarantine",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromAddress: text("from_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    messageIdHeader: text("message_id_header"),
    reason: text("reason").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    releasedTicketId: uuid("released_ticket_id").references(() => tickets.id),
  },
  (t) => [index("inbound_quarantine_open_idx").on(t.receivedAt).where(sql`${t.resolvedAt} is null`)],
);
