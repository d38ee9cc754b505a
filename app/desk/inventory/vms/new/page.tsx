import type { Metadata } from "next";
import { NewVmForm } from "@/components/inventory/new-vm-form";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "New VM" };

export default async function NewVmPage() {
  const caller = await serverCaller();
  const [orgs, pools] = await Promise.all([caller.orgs.list(), caller.inventory.storagePools()]);
  return (
    <>
      <PageHeader title="New VM" description="Size it, and pick where it runs from the hypervisors that fit." />
      <Card>
        <NewVmForm orgs={orgs.filter((o) => o.kind === "customer").map(({ id, name }) => ({ id, name }))} pools={pools} />
      </Card>
    </>
  );
}
