import type { Metadata } from "next";
import { formatDisk, formatMemory, formatPercent } from "@/components/inventory/format";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { serverCaller } from "@/components/trpc/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { UsageBar } from "@/components/ui/usage-bar";
import { capacityPolicy } from "@/server/inventory/capacity";

export const metadata: Metadata = { title: "Capacity" };

export default async function CapacityPage() {
  const report = await (await serverCaller()).inventory.capacity();
  const flaggedPools = report.storagePools.filter((p) => p.usage.aboveRestoreLimit).length;
  return (
    <>
      <PageHeader
        title="Capacity"
        description={`Memory is never overcommitted; vCPUs up to ${capacityPolicy.maxVcpuOvercommit}× per core. Storage pools stay below ${formatPercent(capacityPolicy.storagePoolMaxUse)} so a backup can be restored next to the running copy.`}
        actions={<InventoryNav current="/desk/inventory/capacity" />}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Hypervisors">
          <ul className="space-y-4">
            {report.hypervisors.map((h) => (
              <li key={h.id}>
                <div className="mb-1 flex items-center gap-2 text-sm font-medium">
                  {h.name} <span className="font-normal text-slate-500">· {h.vmCount} VMs</span>
                  {h.status !== "active" && <Badge tone="warn">{h.status}</Badge>}
                </div>
                <div className="space-y-1.5">
                  <UsageBar
                    label="Memory"
                    share={h.usage.memoryShare}
                    detail={`${formatMemory(h.usage.allocatedMemoryMb)} of ${formatMemory(h.usage.physicalMemoryMb)}`}
                  />
                  <UsageBar
                    label="vCPUs"
                    share={h.usage.vcpuOvercommit / capacityPolicy.maxVcpuOvercommit}
                    detail={`${h.usage.allocatedVcpus} on ${h.usage.physicalCores} cores (${h.usage.vcpuOvercommit.toFixed(2)}× overcommit)`}
                  />
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <div className="space-y-6">
          <Card title={`Storage pools${flaggedPools ? ` · ${flaggedPools} above the 40 % rule` : ""}`}>
            <ul className="space-y-4">
              {report.storagePools.map((p) => (
                <li key={p.id}>
                  <UsageBar
                    label={`${p.name} on ${p.deviceName}`}
                    share={p.usage.shareUsed}
                    limit={capacityPolicy.storagePoolMaxUse}
                    detail={`${formatDisk(p.usage.usedGb)} of ${formatDisk(p.usage.capacityGb)} (${formatPercent(p.usage.shareUsed)})`}
                  />
                  <p className={p.usage.aboveRestoreLimit ? "mt-1 text-xs text-red-700" : "mt-1 text-xs text-slate-500"}>{p.usage.explanation}</p>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Backup servers">
            <ul className="space-y-4">
              {report.backupServers.map((b) => (
                <li key={b.id}>
                  <UsageBar
                    label={`${b.name} · ${b.jobs} backup jobs`}
                    share={b.usage.shareUsed}
                    limit={capacityPolicy.backupServerMaxUse}
                    detail={`≈ ${formatDisk(b.usage.estimatedStoredGb)} of ${formatDisk(b.usage.capacityGb)}`}
                  />
                  <p className="mt-1 text-xs text-slate-500">{b.usage.explanation}</p>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
