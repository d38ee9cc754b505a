import type { DbOrTx } from "@/db/client";
import { calendarsById } from "@/server/calendars/store";
import { badRequest } from "@/server/errors";
import type { ContractTerms } from "./terms";

/** Terms may only name calendars that exist; a typo'd id must not become a contract nobody can honour. */
export async function assertCalendarsExist(db: DbOrTx, terms: ContractTerms): Promise<void> {
  const wanted = [terms.supportCalendarId, terms.serviceCalendarId].filter((id): id is string => id !== null);
  const found = await calendarsById(db, wanted);
  if (!found.has(terms.supportCalendarId)) throw badRequest("The support calendar does not exist.");
  if (terms.serviceCalendarId && !found.has(terms.serviceCalendarId)) throw badRequest("The service calendar does not exist.");
}
