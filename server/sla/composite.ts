import { type Structure, structureAvailability, type StructureNode } from "./structure-availability";

/**
 * Composite availability of a service built from parts: parts in series must all be up (their
 * availabilities multiply); parts in a redundancy group back each other up (1 − ∏(1 − Aᵢ)). Parts
 * are identified by name, so a shared dependency that appears in several branches is one part and
 * counts once: redundant(series(P, A), series(P, B)) is P × (1 − (1 − A)(1 − B)), not the product of
 * two independent copies of P.
 */
export type AvailabilityTree =
  | { kind: "component"; name: string; availability: number }
  | { kind: "series"; parts: readonly AvailabilityTree[] }
  | { kind: "redundant"; parts: readonly AvailabilityTree[] };

export type CompositeAvailability = {
  availability: number;
  /** False when more than 16 shared parts forced the independence approximation. */
  exact: boolean;
  weakest: { name: string; availability: number; gainIfPerfect: number } | null;
};

const componentKey = (name: string) => `component:${name}`;

/** The tree as a structure: components are leaves, series and redundancy nodes are perfect nodes above them. */
function toStructure(tree: AvailabilityTree): { structure: Structure; root: string } {
  const structure = new Map<string, StructureNode>();
  let structural = 0;
  const add = (node: AvailabilityTree): string => {
    if (node.kind === "component") {
      const key = componentKey(node.name);
      const known = structure.get(key);
      if (known && known.ownAvailability !== node.availability) {
        throw new RangeError(`"${node.name}" appears with two availabilities, ${known.ownAvailability} and ${node.availability}.`);
      }
      structure.set(key, { ownAvailability: node.availability, required: [], groups: [] });
      return key;
    }
    const key = `${node.kind}:${structural++}`;
    const parts = node.parts.map(add);
    structure.set(key, { ownAvailability: 1, required: node.kind === "series" ? parts : [], groups: node.kind === "redundant" ? [parts] : [] });
    return key;
  };
  return { structure, root: add(tree) };
}

export function compositeAvailability(tree: AvailabilityTree): CompositeAvailability {
  const { structure, root } = toStructure(tree);
  const isComponent = (key: string) => key.startsWith("component:");
  const result = structureAvailability(root, structure, isComponent);
  const weakest = result.weakest && {
    name: result.weakest.id.slice(componentKey("").length),
    availability: result.weakest.ownAvailability,
    gainIfPerfect: result.weakest.gainIfPerfect,
  };
  return { availability: result.availability, exact: result.exact, weakest };
}
