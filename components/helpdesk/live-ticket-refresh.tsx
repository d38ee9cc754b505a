"use client";

import { useRouter } from "next/navigation";
import { useLiveTickets } from "./use-live-tickets";

/**
 * Re-reads the page when this ticket changes anywhere (a reply from the desk, or from a customer),
 * so nobody reloads by hand. Used by the portal and the desk alike.
 */
export function LiveTicketRefresh({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  useLiveTickets((event) => {
    if (event.kind === "resync" || event.ticketId === ticketId) router.refresh();
  });
  return null;
}
