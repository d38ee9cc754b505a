"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";

/** Accepting a version makes it the customer's contract, so it asks once more, saying exactly that. */
export function AcceptVersionButton({ versionId, version, orgName, startsOn }: { versionId: string; version: number; orgName: string; startsOn: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const accept = useMutation(trpc.sla.acceptProposal.mutationOptions({ onSuccess: () => router.refresh() }));
  if (!confirming)
    return (
      <Button size="sm" onClick={() => setConfirming(true)}>
        Accept version {version}
      </Button>
    );
  return (
    <div className="space-y-2 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm">
      <p>
        Version {version} becomes {orgName}’s contract from {startsOn}; the help desk’s deadlines follow it from then on.
      </p>
      <div className="flex gap-2">
        <Button size="sm" disabled={accept.isPending} onClick={() => accept.mutate({ proposalVersionId: versionId })}>
          Confirm acceptance
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
      <ErrorNote error={accept.error} />
    </div>
  );
}

export function WithdrawProposalButton({ proposalId }: { proposalId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const withdraw = useMutation(trpc.sla.withdrawProposal.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div>
      <Button size="sm" variant="danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ proposalId })}>
        Withdraw proposal
      </Button>
      <ErrorNote error={withdraw.error} />
    </div>
  );
}
