import type { Metadata } from "next";
import { OrgDirectory } from "@/components/orgs/org-directory";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Help desk" };

export default async function DeskHome() {
  const caller = await serverCaller();
  const orgs = await caller.orgs.list();
  return (
    <>
      <PageHeader title="Help desk" description="Customers we look after." />
      <Card title="Customer organisations">
        <OrgDirectory orgs={orgs} />
      </Card>
    </>
  );
}
