import type { Metadata } from "next";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { RackForm } from "@/components/inventory/rack-form";
import { RackView } from "@/components/inventory/rack-view";
import { SiteForm } from "@/components/inventory/site-form";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sites and racks" };

export default async function SitesPage() {
  const sites = await (await serverCaller()).inventory.sites();
  return (
    <>
      <PageHeader
        title="Sites and racks"
        description="The data centres, their racks, and what stands in which units."
        actions={<InventoryNav current="/desk/inventory/sites" />}
      />
      <div className="space-y-6">
        {sites.map((site) => (
          <Card key={site.id} title={`${site.name} · ${site.city}`}>
            <div className="space-y-4">
              <SiteForm site={site} />
              <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
                {site.racks.map((rack) => (
                  <RackView key={rack.id} rack={rack} />
                ))}
              </div>
              {site.racks.length === 0 && <p className="text-sm text-slate-500">No racks recorded yet.</p>}
            </div>
          </Card>
        ))}
        <Card title="Add a rack or a site">
          <div className="space-y-6">
            <RackForm sites={sites.map(({ id, name }) => ({ id, name }))} />
            <SiteForm />
          </div>
        </Card>
      </div>
    </>
  );
}
