"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/components/trpc/client";
import type { LiveTicketEvent } from "@/server/helpdesk/live";

/**
 * Calls `onEvent` for every ticket change the signed-in person may see, as it commits anywhere;
 * `resync` means some may have been missed. tRPC keeps the latest callback, so a new `onEvent` on
 * each render does not re-subscribe.
 */
export function useLiveTickets(onEvent: (event: LiveTicketEvent) => void) {
  const trpc = useTRPC();
  return useSubscription(trpc.helpdesk.events.subscriptionOptions(undefined, { onData: onEvent }));
}
