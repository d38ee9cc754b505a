import { on } from "node:events";
import type { Actor } from "@/server/auth/actor";
import { isDeskStaff } from "./access";
import { TICKET_CHANNEL, type TicketAnnouncement } from "./announce";
import { pgListener } from "./pg-listener";

export type LiveTicketEvent = TicketAnnouncement | { kind: "resync" };

/**
 * Ticket changes the actor may hear of, as they commit in any web process: desk staff hear of every
 * ticket, customers of their own orgs' tickets only. `resync` means events may have been missed (the
 * LISTEN connection was re-made): re-read what is on screen.
 */
export async function* ticketAnnouncements(actor: Actor, signal: AbortSignal | undefined): AsyncGenerator<LiveTicketEvent> {
  const listener = pgListener();
  const staff = isDeskStaff(actor);
  const events = on(listener, TICKET_CHANNEL, { signal }) as AsyncIterableIterator<[LiveTicketEvent]>;
  await listener.listen(TICKET_CHANNEL);
  try {
    for await (const [event] of events) {
      if (event.kind === "resync" || staff || actor.customerOrgIds.includes(event.orgId)) yield event;
    }
  } catch (error) {
    // The client went away: `on` rejects with an AbortError, which simply ends the stream.
    if (!(error instanceof Error && error.name === "AbortError")) throw error;
  }
}
