import type { Metadata } from "next";
import { environmentLabels } from "@/components/inventory/format";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { inventoryListParams } from "@/components/inventory/list-params";
import { VmTable } from "@/components/inventory/vm-table";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage({ searchParams }: { searchParams: Promise<{ q?: string; env?: string; page?: string }> }) {
  const { search, environment, page } = inventoryListParams(await searchParams);
  const list = await (await serverCaller()).inventory.vms({ search, environment, page });
  const href = (p: number) => `/desk/inventory?${new URLSearchParams({ ...(search ? { q: search } : {}), ...(environment ? { env: environment } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title="Inventory"
        description="Every customer VM, where it runs and what it uses."
        actions={<InventoryNav current="/desk/inventory" />}
      />
      <Card>
        <FilterBar
          search={search}
          placeholder="Find a VM by name or role"
          select={{
            name: "env",
            label: "Environment",
            allLabel: "All environments",
            value: environment,
            options: Object.entries(environmentLabels).map(([value, label]) => ({ value, label })),
          }}
        />
        <VmTable rows={list.rows} hrefFor={(id) => `/desk/inventory/vms/${id}`} showOrg />
        <div className="mt-3">
          <Pager total={list.total} totalIsCapped={list.totalIsCapped} page={list.page} pageSize={list.pageSize} noun="VM" hrefFor={href} />
        </div>
      </Card>
    </>
  );
}
