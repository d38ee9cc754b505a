import type { Metadata } from "next";
import Link from "next/link";
import { deviceStatusTone } from "@/components/inventory/device-status-tone";
import { formatDisk, formatMemory } from "@/components/inventory/format";
import { HardwareEditor } from "@/components/inventory/hardware-editor";
import { ImportForm } from "@/components/inventory/import-form";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { RetireButton } from "@/components/inventory/retire-button";
import { deviceKinds } from "@/server/inventory/schemas";
import { serverCaller } from "@/components/trpc/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { Table, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "Hardware" };

export default async function DevicesPage({ searchParams }: { searchParams: Promise<{ q?: string; kind?: string }> }) {
  const { q, kind } = await searchParams;
  const search = q?.trim().slice(0, 80) || undefined;
  const deviceKind = deviceKinds.find((k) => k === kind);
  const caller = await serverCaller();
  const [devices, all, dependencies] = await Promise.all([
    caller.inventory.devices({ search, deviceKind }),
    caller.inventory.devices({}),
    caller.inventory.dependencies(),
  ]);
  return (
    <>
      <PageHeader
        title="Hardware"
        description="Routers, switches, storage, hypervisors and backup servers, and where they stand."
        actions={<InventoryNav current="/desk/inventory/devices" />}
      />
      <Card>
        <FilterBar
          search={search}
          placeholder="Find a device by name"
          select={{ name: "kind", label: "Kind", allLabel: "All kinds", value: deviceKind, options: deviceKinds.map((k) => ({ value: k, label: k })) }}
        />
        <Table caption="Devices">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Kind</Th>
              <Th>Status</Th>
              <Th>Location</Th>
              <Th className="text-right">Cores</Th>
              <Th className="text-right">Memory</Th>
              <Th className="text-right">Disk</Th>
              <Th>Management</Th>
              <Th>
                <span className="sr-only">Impact</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id}>
                <Td className="font-medium">
                  <Link href={`/desk/inventory/devices/${d.id}`} className="text-brand-700 hover:underline">
                    {d.name}
                  </Link>
                </Td>
                <Td>{d.kind}</Td>
                <Td>
                  <Badge tone={deviceStatusTone[d.status]}>{d.status}</Badge>
                </Td>
                <Td>{d.siteName ? `${d.siteName} · ${d.rackName} · U${d.rackUnit}` : "—"}</Td>
                <Td className="text-right tabular-nums">{d.cores || "—"}</Td>
                <Td className="text-right tabular-nums">{d.memoryMb ? formatMemory(d.memoryMb) : "—"}</Td>
                <Td className="text-right tabular-nums">{d.diskGb ? formatDisk(d.diskGb) : "—"}</Td>
                <Td className="font-mono text-xs">{d.managementAddress ?? "—"}</Td>
                <Td className="whitespace-nowrap">
                  <Link href={`/desk/inventory/impact/${d.id}`} className="text-sm text-brand-700 hover:underline">
                    What fails with it?
                  </Link>{" "}
                  {d.status !== "retired" && <RetireButton what="device" id={d.id} name={d.name} />}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card title="Import and export" className="mt-6">
        <div className="flex flex-wrap items-start justify-between gap-6">
          <ImportForm />
          <a href="/desk/inventory/export" className="text-sm text-brand-700 underline" download>
            Download the whole inventory as JSON
          </a>
        </div>
      </Card>
      <Card title="Add and wire up hardware" className="mt-6">
        <HardwareEditor devices={all.map(({ id, name, kind }) => ({ id, name, kind }))} dependencies={dependencies} />
      </Card>
    </>
  );
}
