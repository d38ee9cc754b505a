"use client";

import { useEffect, useState } from "react";

/**
 * The current time, ticking every `everyMs`. It starts at the server's render time, so the first
 * client render matches the server's HTML, then keeps relative times ("due in 5 min") honest.
 */
export function useNow(serverNow: number, everyMs = 30_000): Date {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return new Date(now);
}
