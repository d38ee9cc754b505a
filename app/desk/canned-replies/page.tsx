import type { Metadata } from "next";
import { CannedReplyManager } from "@/components/helpdesk/canned-reply-manager";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Canned replies" };

export default async function CannedRepliesPage() {
  await getQueryClient().prefetchQuery(trpc.canned.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Canned replies" description="Texts the desk answers with often. Pick one in a ticket's reply box; the placeholders are filled in before you send." />
      <CannedReplyManager />
    </HydrateClient>
  );
}
