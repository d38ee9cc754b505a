import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeviceForm } from "@/components/inventory/device-form";
import { deviceStatusTone } from "@/components/inventory/device-status-tone";
import { formatDisk, formatMemory } from "@/components/inventory/format";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { isUuid } from "@/components/inventory/is-uuid";
import { loadDevice } from "@/components/inventory/load-device";
import { RetireButton } from "@/components/inventory/retire-button";
import { StoragePoolForm } from "@/components/inventory/storage-pool-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { UsageBar } from "@/components/ui/usage-bar";
import { capacityPolicy } from "@/server/inventory/capacity";

export const metadata: Metadata = { title: "Device" };

export default async function DevicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { device, racks } = await loadDevice(id);
  const location = device.siteName ? `${device.siteName} · rack ${device.rackName}${device.rackUnit ? ` · U${device.rackUnit}` : ""}` : "Not in a rack";
  const retired = device.status === "retired";
  const facts: [string, string][] = [
    ["Kind", device.kind],
    ["Location", location],
    ["Cores", device.cores ? String(device.cores) : "—"],
    ["Memory", device.memoryMb ? formatMemory(device.memoryMb) : "—"],
    ["Disk", device.diskGb ? formatDisk(device.diskGb) : "—"],
    ["Management address", device.managementAddress ?? "—"],
  ];
  return (
    <>
      <PageHeader title={device.name} description={`${device.kind} · ${location}`} actions={<InventoryNav />} />
      <div className="space-y-6">
        <Card title="At a glance" actions={<Badge tone={deviceStatusTone[device.status]}>{device.status}</Badge>}>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            <Link href={`/desk/inventory/impact/${device.id}`} className="text-brand-700 underline">
              What fails with {device.name}?
            </Link>
            {!retired && <RetireButton what="device" id={device.id} name={device.name} />}
          </div>
        </Card>
        {retired ? (
          <p className="text-sm text-slate-600">{device.name} is retired; its record is kept for history and no longer changes.</p>
        ) : (
          <Card title="Change">
            <DeviceForm device={device} racks={racks} />
          </Card>
        )}
        {device.kind === "hypervisor" && (
          <Card title={`VMs on ${device.name} (${device.vms.length})`}>
            <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
              {device.vms.map((vm) => (
                <li key={vm.id}>
                  <Link href={`/desk/inventory/vms/${vm.id}`} className="text-brand-700 hover:underline">
                    {vm.name}
                  </Link>
                  <span className="text-slate-500">
                    {" "}
                    · {vm.orgName} · {formatMemory(vm.memoryMb)}
                  </span>
                </li>
              ))}
              {device.vms.length === 0 && <li className="text-slate-500">No VMs run here.</li>}
            </ul>
          </Card>
        )}
        {device.kind === "storage" && (
          <Card title={`Storage pools (${device.storagePools.length})`}>
            <ul className="space-y-5">
              {device.storagePools.map((pool) => (
                <li key={pool.id} className="space-y-2">
                  <UsageBar
                    label={`${pool.name} · ${pool.vmCount} VM disks`}
                    share={pool.usage.shareUsed}
                    limit={capacityPolicy.storagePoolMaxUse}
                    detail={`${formatDisk(pool.usage.usedGb)} of ${formatDisk(pool.capacityGb)}`}
                  />
                  <p className={pool.usage.aboveRestoreLimit ? "text-xs text-red-700" : "text-xs text-slate-500"}>{pool.usage.explanation}</p>
                  {!retired && <StoragePoolForm deviceId={device.id} pool={pool} />}
                </li>
              ))}
            </ul>
            {!retired && (
              <div className="mt-6 border-t border-slate-100 pt-4">
                <h3 className="mb-2 text-sm font-semibold">New storage pool</h3>
                <StoragePoolForm deviceId={device.id} />
              </div>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
