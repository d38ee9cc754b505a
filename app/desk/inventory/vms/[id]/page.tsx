import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isUuid } from "@/components/inventory/is-uuid";
import { loadVmDetail } from "@/components/inventory/load-vm-detail";
import { VmDetail } from "@/components/inventory/vm-detail";
import { VmActions } from "@/components/inventory/vm-actions";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "VM" };

export default async function DeskVmPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const detail = await loadVmDetail(id);
  return (
    <>
      <PageHeader title={detail.vm.name} description={`${detail.vm.orgName} · ${detail.vm.role}`} />
      <div className="space-y-6">
        <Card title="Change">
          <VmActions vm={detail.vm} />
        </Card>
        <VmDetail {...detail} forStaff />
      </div>
    </>
  );
}
