/**
 * Capacity limits of the platform. They are operating policy, not physics: a host can technically
 * run past them, but then the promises built on top (restores, failover, predictable latency) break.
 */
export const capacityPolicy = {
  /** Allocated vCPUs per physical core; beyond this, CPU-bound customers start to notice each other. */
  maxVcpuOvercommit: 4,
  /** Share of a storage pool that may be used, so a backup can be restored next to the running copy. */
  storagePoolMaxUse: 0.4,
  /** Share of a backup server's disk that may be used, leaving room for the next full backups. */
  backupServerMaxUse: 0.8,
} as const;
