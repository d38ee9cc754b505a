import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { orNotFound } from "@/components/delegation/load-snippet";
import { RolloutProgress } from "@/components/delegation/rollout-progress";
import { stamp } from "@/components/delegation/snippet-words";
import { isUuid } from "@/components/inventory/is-uuid";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Rollout" };

/** One rollout as it happens: progress, each host's state and its log. */
export default async function DeskRolloutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const caller = await serverCaller();
  const rollout = await orNotFound(() => caller.delegation.rollout.get({ rolloutId: id }));
  const what = rollout.snippet ? `${rollout.snippet.name} version ${rollout.snippet.revisionNumber}` : "Converge pass";
  return (
    <>
      <PageHeader title={`Rollout ${rollout.generation}`} description={`${what} · started ${stamp(rollout.createdAt)}${rollout.finishedAt ? ` · finished ${stamp(rollout.finishedAt)}` : ""}`} />
      <Card title="Progress">
        <RolloutProgress rolloutId={rollout.id} initial={rollout} showLogs />
      </Card>
    </>
  );
}
