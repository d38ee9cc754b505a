import type { Metadata } from "next";
import Link from "next/link";
import { ProposalTable } from "@/components/contracts/proposal-table";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Proposals" };

export default async function ProposalsPage() {
  const proposals = await (await serverCaller()).sla.proposals({});
  return (
    <>
      <PageHeader
        title="Proposals"
        description="Service levels offered to customers. Accepting a version makes it the customer's contract."
        actions={
          <Link href="/accounts/calculator" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            New proposal
          </Link>
        }
      />
      <Card>
        <ProposalTable rows={proposals} />
      </Card>
    </>
  );
}
