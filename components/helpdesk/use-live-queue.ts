"use client";

import { useEffect, useRef } from "react";
import { useLiveTickets } from "./use-live-tickets";

/**
 * Re-reads the queue when any ticket changes anywhere. A burst of events (a bulk change of fifty
 * tickets) is coalesced into one re-read a moment after the last of them, so the desk does not
 * hammer the server exactly when everyone is busiest.
 */
export function useLiveQueue(refresh: () => unknown, settleMs = 250) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useLiveTickets(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void latest.current();
    }, settleMs);
  });
}
