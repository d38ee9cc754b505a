/** Pure capacity and placement rules for the inventory: no database, no I/O. */
export { capacityPolicy } from "./policy";
export { formatGb, formatMemory, formatPercent } from "./units";
export { holdsResources } from "./allocation";
export { hypervisorUsage, vcpusLeftUnderPolicy, type HypervisorHost, type HypervisorUsage, type HypervisorVmLoad } from "./hypervisor";
export { storagePoolUsage, type StoragePoolSize, type StoragePoolUsage } from "./storage-pool";
export {
  backupRetentionModel,
  backupServerUsage,
  retentionFactor,
  type BackupJobSize,
  type BackupServerDisk,
  type BackupServerUsage,
} from "./backup-server";
export {
  suggestPlacement,
  type PlacementCandidate,
  type PlacementHypervisor,
  type PlacementRequest,
  type PlacementSuggestion,
  type PlacementVm,
  type RejectedHypervisor,
} from "./placement";
export {
  validateVmResources,
  type VmResourceContext,
  type VmResourceField,
  type VmResourceProblem,
  type VmResourceProposal,
} from "./validate";
