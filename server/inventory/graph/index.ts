export { type DependencyEdge, type EdgesByNode, edgesByChild, edgesByParent } from "./edges";
export { nodesCutOffBy } from "./failure";
export { type ChainLink, type DependencyChain, ancestorIds, dependencyChain } from "./chain";
export { findCycle, wouldCreateCycle } from "./cycles";
export { type NamedNode, type ServiceChainSummary, describeServiceChain } from "./describe";
export { joinNaturally } from "./natural-list";
