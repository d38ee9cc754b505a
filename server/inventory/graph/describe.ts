import { joinNaturally } from "./natural-list";

/** Anything the customer knows by name: a VM, a device, a storage pool, a service. */
export type NamedNode = { name: string };

/**
 * A service's chain with names already looked up, flattened to what a customer cares about.
 * Everything but the VM is optional, so a caller passes only what it knows.
 */
export type ServiceChainSummary = {
  /** The service itself; leave it out to describe just the VM. */
  service?: NamedNode;
  vm: NamedNode;
  hypervisor?: NamedNode;
  /** Where the VM's disks live (the storage server or pool the customer should hear about). */
  storage?: NamedNode;
  /** Switches and routers between the VM and the outside world. */
  network: readonly NamedNode[];
  /** True when any one of `network` is enough (they form one redundancy group); false when all are needed. */
  redundantNetwork: boolean;
};

/** A part of the sentence after the VM, worded both as the first verb phrase and as a later one. */
type Clause = { first: string; later: string };

function networkClause(network: readonly NamedNode[], redundant: boolean): Clause {
  const names = joinNaturally(network.map((node) => node.name));
  // Redundancy with a single path is no redundancy, so it is only worth saying for two or more.
  const backup = redundant && network.length >= 2 ? ` (${network.length === 2 ? "either" : "any"} one is enough)` : "";
  return { first: `is reached through ${names}${backup}`, later: `reached through ${names}${backup}` };
}

function clausesFor(summary: ServiceChainSummary): Clause[] {
  const clauses: Clause[] = [];
  if (summary.hypervisor) {
    const runsOn = `runs on hypervisor ${summary.hypervisor.name}`;
    clauses.push({ first: runsOn, later: runsOn });
  }
  if (summary.storage) clauses.push({ first: `is stored on ${summary.storage.name}`, later: `stored on ${summary.storage.name}` });
  if (summary.network.length > 0) clauses.push(networkClause(summary.network, summary.redundantNetwork));
  return clauses;
}

/**
 * One plain English sentence describing what a service (or VM) depends on, for customers, e.g.
 * "shop runs on web01, which runs on hypervisor kvm03, stored on st01, reached through rtr1 and rtr2
 * (either one is enough)."
 */
export function describeServiceChain(summary: ServiceChainSummary): string {
  const clauses = clausesFor(summary);
  const [firstClause, ...laterClauses] = clauses;
  const vmPart = firstClause === undefined ? "" : [firstClause.first, ...laterClauses.map((clause) => clause.later)].join(", ");

  if (summary.service) {
    const onVm = `${summary.service.name} runs on ${summary.vm.name}`;
    return vmPart === "" ? `${onVm}.` : `${onVm}, which ${vmPart}.`;
  }
  return vmPart === "" ? `${summary.vm.name} has no recorded dependencies.` : `${summary.vm.name} ${vmPart}.`;
}
