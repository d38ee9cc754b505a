import type { Metadata } from "next";
import { directoryParams } from "@/components/orgs/directory-params";
import { OrgDirectory } from "@/components/orgs/org-directory";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsHome({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const { search, page } = directoryParams(await searchParams);
  const directory = await (await serverCaller()).orgs.directory({ search, page });
  return (
    <>
      <PageHeader title="Accounts" description="The customers whose service levels you negotiate." />
      <Card title="Customer organisations">
        <OrgDirectory basePath="/accounts" directory={directory} search={search} />
      </Card>
    </>
  );
}
