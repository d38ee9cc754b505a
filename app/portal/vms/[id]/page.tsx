import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isUuid } from "@/components/inventory/is-uuid";
import { loadVmDetail } from "@/components/inventory/load-vm-detail";
import { VmDetail } from "@/components/inventory/vm-detail";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your VM" };

export default async function PortalVmPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const detail = await loadVmDetail(id);
  return (
    <>
      <PageHeader title={detail.vm.name} description="What this server is, what runs on it, and what it relies on." />
      <VmDetail {...detail} forStaff={false} />
    </>
  );
}
