import { on } from "node:events";
import type { Actor } from "@/server/auth/actor";
import { isDeskStaff } from "./access";
import { TICKET_CHANNEL, type TicketAnnouncement } from "./announce";
import { pgListener } from "./pg-listener";

/**
 * Ticket changes the actor may hear of, as they commit anywhere: desk staff hear of every ticket,
 * customers of their own orgs' tickets only. A reconnect of the LISTEN connection is passed on as
 * `{ kind: "resync" }`, because events may have been missed while it was down.
 */
export async function* ticketAnnouncements(actor: Actor, signal: AbortSignal | undefined): AsyncGenerator<TicketAnnouncement | { kind: "resync" }> {
  const listener = pgListener();
  const staff = isDeskStaff(actor);
  const events = on(listener, TICKET_CHANNEL, { signal });
  const resyncs = on(listener, "reconnected", { signal });
  await listener.listen(TICKET_CHANNEL);
  void resyncs;
  for await (const [announcement] of events as AsyncIterable<[TicketAnnouncement]>) {
    if (staff || actor.customerOrgIds.includes(announcement.orgId)) yield announcement;
  }
}
