import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { calendars } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { businessCalendarSchema } from "./schema";
import type { BusinessCalendar } from "./types";

/** Those who shape contracts keep the calendars; every staff member reads them. */
export const calendarKeepers = ["account_manager"] as const;

export const calendarInput = z.object({ name: z.string().trim().min(2, "Name the calendar.").max(80) }).and(businessCalendarSchema);
export const updateCalendarInput = z.object({ calendarId: z.uuid() }).and(calendarInput);
export const calendarIdInput = z.object({ calendarId: z.uuid() });

export type StoredCalendar = BusinessCalendar & { id: string; name: string };

const toStored = (row: typeof calendars.$inferSelect): StoredCalendar => ({
  id: row.id,
  name: row.name,
  timeZone: row.timeZone,
  frames: row.frames,
  holidays: row.holidays,
});

export async function listCalendars(db: DbOrTx, actor: Actor): Promise<StoredCalendar[]> {
  requireStaff(actor);
  return (await db.select().from(calendars).orderBy(asc(calendars.name))).map(toStored);
}

export async function getCalendar(db: DbOrTx, actor: Actor, input: z.input<typeof calendarIdInput>): Promise<StoredCalendar> {
  requireStaff(actor);
  const { calendarId } = calendarIdInput.parse(input);
  const [row] = await db.select().from(calendars).where(eq(calendars.id, calendarId));
  if (!row) throw notFound("That calendar");
  return toStored(row);
}

/** Calendars by id without an actor: for code that already decided the caller may see them (contracts, deadlines). */
export async function calendarsById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, StoredCalendar>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(calendars).where(inArray(calendars.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, toStored(row)]));
}

export async function createCalendar(db: Db, actor: Actor, input: z.input<typeof calendarInput>): Promise<StoredCalendar> {
  requireStaff(actor, calendarKeepers);
  const data = calendarInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(calendars).values(data).returning();
      const stored = toStored(row!);
      await recordAudit(tx, actor, { action: "calendar.create", subjectType: "calendar", subjectId: stored.id, after: stored });
      return stored;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A calendar named “${data.name}” already exists.`);
    throw error;
  }
}

/** Changing a calendar moves every deadline counted in it from now on; past deadlines stay as they were. */
export async function updateCalendar(db: Db, actor: Actor, input: z.input<typeof updateCalendarInput>): Promise<StoredCalendar> {
  requireStaff(actor, calendarKeepers);
  const { calendarId, ...data } = updateCalendarInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(calendars).where(eq(calendars.id, calendarId)).for("update");
      if (!before) throw notFound("That calendar");
      const [row] = await tx
        .update(calendars)
        .set({ ...data, updatedAt: new Date() })
        .where(eq(calendars.id, calendarId))
        .returning();
      const stored = toStored(row!);
      await recordAudit(tx, actor, { action: "calendar.update", subjectType: "calendar", subjectId: calendarId, before: toStored(before), after: stored });
      return stored;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A calendar named “${data.name}” already exists.`);
    throw error;
  }
}
