import type { vms } from "@/db/schema/inventory";

export type VmStatus = (typeof vms.$inferSelect)["status"];

/**
 * Whether a VM in this status holds its vCPUs, memory and disk. Stopped and failed VMs do: they
 * can be started again at any moment and must then fit. Only a retired VM has given them back.
 */
export function holdsResources(status: VmStatus): boolean {
  return status !== "retired";
}

/**
 * Redundancy groups are named by the customer per org; comparing them ignores case and
 * surrounding blanks, and a VM without a group conflicts with nothing.
 */
export function sameRedundancyGroup(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = a?.trim().toLowerCase();
  const right = b?.trim().toLowerCase();
  return Boolean(left) && left === right;
}
