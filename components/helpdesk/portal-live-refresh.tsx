"use client";

import { useRouter } from "next/navigation";
import { useLiveTickets } from "./use-live-tickets";

/** Re-reads the page when this ticket changes anywhere (a reply from the desk), so nobody reloads by hand. */
export function PortalLiveRefresh({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  useLiveTickets((event) => {
    if (event.kind === "resync" || event.ticketId === ticketId) router.refresh();
  });
  return null;
}
