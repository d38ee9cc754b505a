import type { Metadata } from "next";
import { OrgsAdmin } from "@/components/admin/orgs-admin";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrgsPage() {
  await getQueryClient().prefetchQuery(trpc.orgs.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Organisations" description="Customer organisations and the provider's own staff org." />
      <Card>
        <OrgsAdmin />
      </Card>
    </HydrateClient>
  );
}
