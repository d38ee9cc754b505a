import "server-only";
import { serverCaller } from "@/components/trpc/server";
import type { NamedCalendar } from "./terms-view";

/** Every calendar by id, for pages that show terms naming them (staff only). */
export async function calendarMap(): Promise<Map<string, NamedCalendar>> {
  const calendars = await (await serverCaller()).sla.calendars();
  return new Map(calendars.map((c) => [c.id, c]));
}
