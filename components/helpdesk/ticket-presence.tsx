"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/components/trpc/client";

/**
 * Says this desk person has the ticket open (viewing, or replying while the composer has text) and
 * shows who else has — so two agents do not answer the same customer at once.
 */
export function TicketPresence({ ticketId, replying }: { ticketId: string; replying: boolean }) {
  const trpc = useTRPC();
  const { data } = useSubscription(trpc.helpdesk.presence.subscriptionOptions({ ticketId, activity: replying ? "replying" : "viewing" }));
  const others = data ?? [];
  return (
    <p aria-live="polite" className="text-sm text-slate-600">
      {others.length === 0
        ? "Nobody else has this ticket open."
        : others.map((p) => `${p.name} is ${p.activity === "replying" ? "replying" : "viewing"}`).join(" · ")}
    </p>
  );
}
