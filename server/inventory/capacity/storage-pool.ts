import { capacityPolicy } from "./policy";
import { isAboveLimit, shareOf } from "./ratio";
import { formatGb, formatPercent } from "./units";

export interface StoragePoolSize {
  capacityGb: number;
  /** Space used by data other than VM disks (snapshots, system). */
  reservedGb: number;
}

export interface StoragePoolUsage {
  capacityGb: number;
  reservedGb: number;
  vmDisksGb: number;
  /** Reserved space plus VM disks. */
  usedGb: number;
  freeGb: number;
  /** usedGb / capacityGb; above 1 when the disks were promised more than the pool has. */
  shareUsed: number;
  /** The most the pool should hold under the 40 % rule. */
  limitGb: number;
  aboveRestoreLimit: boolean;
  /**
   * How much can be restored next to the running copies right now: the free space. Under the
   * 40 % rule it is at least the size of all VM disks, i.e. every disk can be restored at once.
   */
  restoreHeadroomGb: number;
  /** One or two sentences for the UI: the figure, the rule and, when broken, what to do. */
  explanation: string;
}

const limitPercent = formatPercent(capacityPolicy.storagePoolMaxUse);

/**
 * Pools are kept at or below 40 % use because a restore is written next to the running copy (the
 * damaged disk stays until the restored one is checked), which needs as much room again as the
 * disks being restored, plus a margin for snapshots taken meanwhile.
 */
export function storagePoolUsage(pool: StoragePoolSize, vmDisksGb: readonly number[]): StoragePoolUsage {
  const vmDisksTotalGb = vmDisksGb.reduce((total, disk) => total + disk, 0);
  const usedGb = pool.reservedGb + vmDisksTotalGb;
  const shareUsed = shareOf(usedGb, pool.capacityGb);
  const limitGb = pool.capacityGb * capacityPolicy.storagePoolMaxUse;
  const aboveRestoreLimit = isAboveLimit(shareUsed, capacityPolicy.storagePoolMaxUse);
  const restoreHeadroomGb = Math.max(0, pool.capacityGb - usedGb);
  return {
    capacityGb: pool.capacityGb,
    reservedGb: pool.reservedGb,
    vmDisksGb: vmDisksTotalGb,
    usedGb,
    freeGb: restoreHeadroomGb,
    shareUsed,
    limitGb,
    aboveRestoreLimit,
    restoreHeadroomGb,
    explanation: explain({ usedGb, capacityGb: pool.capacityGb, shareUsed, limitGb, aboveRestoreLimit, restoreHeadroomGb }),
  };
}

function explain(usage: Pick<StoragePoolUsage, "usedGb" | "capacityGb" | "shareUsed" | "limitGb" | "aboveRestoreLimit" | "restoreHeadroomGb">): string {
  const figure = `${formatPercent(usage.shareUsed)} used (${formatGb(usage.usedGb)} of ${formatGb(usage.capacityGb)})`;
  if (!usage.aboveRestoreLimit) {
    return (
      `${figure}. Pools are kept at or below ${limitPercent} so that a backup can be restored next to the running copy; ` +
      `${formatGb(usage.restoreHeadroomGb)} is free for restores.`
    );
  }
  const excessGb = Math.ceil(usage.usedGb - usage.limitGb);
  return (
    `${figure}, above the ${limitPercent} limit: restoring a backup next to the running copy may not fit ` +
    `(${formatGb(usage.restoreHeadroomGb)} free). Move or shrink ${formatGb(excessGb)} of VM disks to get back under the limit.`
  );
}
