import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isUuid } from "@/components/inventory/is-uuid";
import { loadVmDetail } from "@/components/inventory/load-vm-detail";
import { VmDetail } from "@/components/inventory/vm-detail";
import { VmActions } from "@/components/inventory/vm-actions";
import { VmEditForm } from "@/components/inventory/vm-edit-form";
import { VmMoveForm } from "@/components/inventory/vm-move-form";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "VM" };

export default async function DeskVmPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [detail, pools] = await Promise.all([loadVmDetail(id), (await serverCaller()).inventory.storagePools()]);
  const live = detail.vm.status !== "retired";
  return (
    <>
      <PageHeader title={detail.vm.name} description={`${detail.vm.orgName} · ${detail.vm.role}`} actions={<InventoryNav />} />
      <div className="space-y-6">
        {live && (
          <Card title="Edit and move">
            <div className="space-y-6">
              <VmEditForm vm={detail.vm} />
              <VmMoveForm vm={detail.vm} pools={pools} />
            </div>
          </Card>
        )}
        <Card title="Change">
          <VmActions vm={detail.vm} />
        </Card>
        <VmDetail {...detail} forStaff />
      </div>
    </>
  );
}
