import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalsQueue } from "@/components/delegation/approvals-queue";
import { serverCaller } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Approvals" };

/** Customer configuration changes waiting for a member of staff to review them. */
export default async function DeskApprovalsPage() {
  const queue = await (await serverCaller()).delegation.approvalsQueue({});
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Configuration changes customers have submitted. Open one to read its diff and checks; approving rolls it out to its hosts."
        actions={
          <Link href="/desk/grants" className="text-sm text-brand-700 hover:underline">
            Manage grants
          </Link>
        }
      />
      <ApprovalsQueue initial={queue} />
    </>
  );
}
