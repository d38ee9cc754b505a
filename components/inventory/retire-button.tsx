"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "@/components/ui/error-message";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";

/** Retire a device or a service, after a confirmation; the server says why when it refuses. */
export function RetireButton({ what, id, name }: { what: "device" | "service"; id: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const options = { onSuccess: () => router.refresh() };
  const device = useMutation(trpc.inventory.retireDevice.mutationOptions(options));
  const service = useMutation(trpc.inventory.retireService.mutationOptions(options));
  const mutation = what === "device" ? device : service;
  if (!confirming)
    return (
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Retire ${name}`}>
        Retire
      </Button>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Button size="sm" variant="danger" disabled={mutation.isPending} onClick={() => mutation.mutate({ id })}>
        Retire {name}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {mutation.error && (
        <span role="alert" className="block text-xs text-red-700">
          {errorMessage(mutation.error)}
        </span>
      )}
    </span>
  );
}
