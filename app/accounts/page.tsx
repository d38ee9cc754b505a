import type { Metadata } from "next";
import { DirectoryPage } from "@/components/orgs/directory-page";

export const metadata: Metadata = { title: "Accounts" };

export default function AccountsHome({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  return (
    <DirectoryPage
      title="Accounts"
      description="The customers whose service levels you negotiate."
      basePath="/accounts"
      searchParams={searchParams}
      orgHref={(orgId) => `/accounts/orgs/${orgId}`}
    />
  );
}
