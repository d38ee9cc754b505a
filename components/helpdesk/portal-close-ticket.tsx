"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";

/** Closing is final for the customer (a closed ticket takes no replies), so it asks first. */
export function PortalCloseTicket({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const close = useMutation(trpc.helpdesk.close.mutationOptions({ onSuccess: () => router.refresh() }));
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      {confirming ? (
        <div role="group" aria-label="Close this ticket?" className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-slate-700">Close this ticket? You will not be able to reply to it any more; you can always open a new one.</span>
          <Button variant="danger" onClick={() => close.mutate({ ticketId })} disabled={close.isPending}>
            Yes, close it
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)} disabled={close.isPending}>
            Keep it open
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Close ticket
        </Button>
      )}
      <ErrorNote error={close.error} />
    </div>
  );
}
