import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { WeeklyFrame } from "@/server/calendars/types";
import { orgs, users } from "./identity";

/**
 * Service and support calendars: a time zone, weekly frames and public holidays. Provider-wide
 * objects, reused by plans, contracts and the help desk's deadlines.
 */
export const calendars = pgTable("calendars", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  timeZone: text("time_zone").notNull(),
  frames: jsonb("frames").$type<WeeklyFrame[]>().notNull(),
  /** Local dates (YYYY-MM-DD), sorted. */
  holidays: jsonb("holidays").$type<string[]>().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The plan catalogue account managers start from. `terms` holds contract terms (validated by
 * server/contracts/terms.ts on every write and read), `scenario` the calculator scenario behind them.
 */
export const plans = pgTable("sla_plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  summary: text("summary").notNull(),
  position: integer("position").notNull().default(0),
  terms: jsonb("terms").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const proposalStatus = pgEnum("proposal_status", ["open", "accepted", "withdrawn"]);

/** An offer to one customer org; what changes over the negotiation lives in its versions. */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    title: text("title").notNull(),
    status: proposalStatus("status").notNull().default("open"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proposals_org_idx").on(t.orgId, t.createdAt)],
);

/** One version of a proposal: the calculator scenario and the terms offered. Never changed once written. */
export const proposalVersions = pgTable(
  "proposal_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id),
    version: integer("version").notNull(),
    scenario: jsonb("scenario").notNull(),
    terms: jsonb("terms").notNull(),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("proposal_versions_key").on(t.proposalId, t.version), check("proposal_versions_positive", sql`${t.version} >= 1`)],
);

/**
 * An org's contract, one row per version of its terms: the highest version is in force. A version
 * accepted from a proposal points back at it.
 */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    version: integer("version").notNull(),
    terms: jsonb("terms").notNull(),
    proposalVersionId: uuid("proposal_version_id").references(() => proposalVersions.id),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contracts_org_version_key").on(t.orgId, t.version),
    check("contracts_version_positive", sql`${t.version} >= 1`),
    check("contracts_dates_ordered", sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
  ],
);
