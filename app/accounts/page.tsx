import type { Metadata } from "next";
import { OrgDirectory } from "@/components/orgs/org-directory";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsHome() {
  const caller = await serverCaller();
  const orgs = await caller.orgs.list();
  return (
    <>
      <PageHeader title="Accounts" description="The customers whose service levels you negotiate." />
      <Card title="Customer organisations">
        <OrgDirectory orgs={orgs} />
      </Card>
    </>
  );
}
