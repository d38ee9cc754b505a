/**
 * The one engine behind composite.ts (trees) and chain-availability.ts (inventory graphs): the
 * probability that a target is up when every part fails independently.
 *
 * A node is up iff it is up itself, every required parent is up, and in each of its redundancy
 * groups at least one member is up. Multiplying probabilities along that rule is exact only while no
 * part reaches the target along two paths; a shared part (two switches feeding both the hypervisor
 * and the storage) would be counted twice, its failures treated as if they could not coincide.
 *
 * So the shared parts and everything above them are enumerated: for each combination of their
 * up/down states the rest is again a tree and can be multiplied out, and the results are weighted by
 * the combination's probability (conditioning). That costs 2^k passes for k such parts; beyond
 * MAX_ENUMERATED_PARTS the engine falls back to treating every path as independent and says so.
 */

export type StructureNode = { ownAvailability: number; required: readonly string[]; groups: readonly (readonly string[])[] };

/** Nodes by id; every id a node names as a parent must be present. */
export type Structure = ReadonlyMap<string, StructureNode>;

/** 2^16 = 65,536 passes over a graph of a few dozen nodes take about a tenth of a second. */
export const MAX_ENUMERATED_PARTS = 16;

/** Parents first; indexes into the arrays below. */
type Compiled = {
  ids: string[];
  own: Float64Array;
  required: number[][];
  groups: number[][][];
  /** The shared parts whose states are enumerated; empty under the independence approximation. */
  enumerated: number[];
  sharedParts: number;
};

function parentsOf(node: StructureNode): string[] {
  return [...node.required, ...node.groups.flat()];
}

/** The target's ancestors (and itself) with parents before children; throws on a cycle or an unknown id. */
function topologicalAncestors(target: string, structure: Structure): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: { id: string; expanded: boolean }[] = [{ id: target, expanded: false }];
  // Iterative depth-first search: a long chain must not overflow the call stack.
  while (stack.length > 0) {
    const top = stack.pop() as { id: string; expanded: boolean };
    if (top.expanded) {
      state.set(top.id, "done");
      order.push(top.id);
      continue;
    }
    if (state.get(top.id) === "done") continue;
    if (state.get(top.id) === "visiting") throw new Error(`The dependencies of "${top.id}" form a cycle.`);
    const node = structure.get(top.id);
    if (!node) throw new Error(`Unknown part "${top.id}".`);
    state.set(top.id, "visiting");
    stack.push({ id: top.id, expanded: true });
    for (const parent of parentsOf(node)) {
      if (state.get(parent) === "visiting") throw new Error(`The dependencies of "${parent}" form a cycle.`);
      if (state.get(parent) !== "done") stack.push({ id: parent, expanded: false });
    }
  }
  return order;
}

function compile(target: string, structure: Structure): Compiled {
  const ids = topologicalAncestors(target, structure);
  const position = new Map(ids.map((id, i) => [id, i]));
  const nodes = ids.map((id) => structure.get(id) as StructureNode);
  // A node used twice — by two children, or twice by one — reaches the target along two paths.
  const uses = new Map<string, number>();
  for (const node of nodes) {
    const mentions = [...new Set(node.required), ...node.groups.flatMap((group) => [...new Set(group)])];
    for (const parent of mentions) uses.set(parent, (uses.get(parent) ?? 0) + 1);
  }
  // Everything above a shared node is shared too: children come after parents, so walk backwards.
  const shared = new Set(ids.filter((id) => (uses.get(id) ?? 0) > 1));
  for (let i = ids.length - 1; i >= 0; i--) {
    if (shared.has(ids[i] as string)) for (const parent of parentsOf(nodes[i] as StructureNode)) shared.add(parent);
  }
  const indexOf = (id: string) => position.get(id) as number;
  for (const [i, node] of nodes.entries()) {
    // Above 0 so a part's weight can be divided out (see evaluate); a part never up is not a part.
    if (!(node.ownAvailability > 0 && node.ownAvailability <= 1)) throw new RangeError(`"${ids[i]}" needs an availability above 0 and at most 1.`);
  }
  return {
    ids,
    own: Float64Array.from(nodes, (node) => node.ownAvailability),
    required: nodes.map((node) => [...new Set(node.required)].map(indexOf)),
    groups: nodes.map((node) => node.groups.map((group) => [...new Set(group)].map(indexOf))),
    enumerated: shared.size <= MAX_ENUMERATED_PARTS ? [...shared].map(indexOf) : [],
    sharedParts: shared.size,
  };
}

/** `out[k]` = the product of every factor but `factors[k]`, without dividing (a factor may be 0). */
function productsExceptEach(factors: Float64Array, count: number, out: Float64Array): void {
  let prefix = 1;
  for (let k = 0; k < count; k++) {
    out[k] = prefix;
    prefix *= factors[k] as number;
  }
  let suffix = 1;
  for (let k = count - 1; k >= 0; k--) {
    out[k] = (out[k] as number) * suffix;
    suffix *= factors[k] as number;
  }
}

/** Forward pass in topological order; `states` holds 0/1 for enumerated parts, so their values come out 0/1. */
function propagate(compiled: Compiled, states: Float64Array, value: Float64Array): number {
  for (let i = 0; i < states.length; i++) {
    let up = states[i] as number;
    for (const parent of compiled.required[i] as number[]) up *= value[parent] as number;
    for (const group of compiled.groups[i] as number[][]) {
      let allDown = 1;
      for (const member of group) allDown *= 1 - (value[member] as number);
      up *= 1 - allDown;
    }
    value[i] = up;
  }
  return value[states.length - 1] as number;
}

type Scratch = { adjoint: Float64Array; factors: Float64Array; except: Float64Array; complements: Float64Array; exceptComplements: Float64Array };

function scratchFor(compiled: Compiled): Scratch {
  const nodeFactors = Math.max(...compiled.required.map((required, i) => 1 + required.length + (compiled.groups[i] as number[][]).length));
  const groupSize = Math.max(0, ...compiled.groups.flat().map((group) => group.length));
  return {
    adjoint: new Float64Array(compiled.own.length),
    factors: new Float64Array(nodeFactors),
    except: new Float64Array(nodeFactors),
    complements: new Float64Array(groupSize),
    exceptComplements: new Float64Array(groupSize),
  };
}

/**
 * Reverse pass after `propagate`: adds weight × ∂target/∂state[i] to `slope[i]` for every node, by
 * the chain rule from the target down. A node's value is the product of its own state, its required
 * parents' values and, per group, 1 − ∏(1 − member value), so each factor's derivative is the
 * product of the others.
 */
function backpropagate(compiled: Compiled, states: Float64Array, value: Float64Array, weight: number, slope: Float64Array, scratch: Scratch): void {
  const { adjoint, factors, except, complements, exceptComplements } = scratch;
  adjoint.fill(0);
  adjoint[states.length - 1] = 1;
  for (let i = states.length - 1; i >= 0; i--) {
    const outer = adjoint[i] as number;
    if (outer === 0) continue;
    const required = compiled.required[i] as number[];
    const groups = compiled.groups[i] as number[][];
    let count = 0;
    factors[count++] = states[i] as number;
    for (const parent of required) factors[count++] = value[parent] as number;
    for (const group of groups) {
      let allDown = 1;
      for (const member of group) allDown *= 1 - (value[member] as number);
      factors[count++] = 1 - allDown;
    }
    productsExceptEach(factors, count, except);
    slope[i] = (slope[i] as number) + weight * outer * (except[0] as number);
    let k = 1;
    for (const parent of required) adjoint[parent] = (adjoint[parent] as number) + outer * (except[k++] as number);
    for (const group of groups) {
      const throughGroup = outer * (except[k++] as number);
      if (throughGroup === 0) continue;
      group.forEach((member, m) => (complements[m] = 1 - (value[member] as number)));
      productsExceptEach(complements, group.length, exceptComplements);
      group.forEach((member, m) => (adjoint[member] = (adjoint[member] as number) + throughGroup * (exceptComplements[m] as number)));
    }
  }
}

/**
 * The target's availability and, for every node, how much it would rise were that node never down.
 * One pass over all combinations of the enumerated parts' states:
 * - the availability is the combinations' results weighted by their probabilities;
 * - for an enumerated part i, availability with i perfect = Σ over combinations with i up of
 *   result × weight ÷ pᵢ;
 * - every other part j lies on one path to the target, so given a combination the result is affine
 *   in its availability pⱼ and rises by slope × (1 − pⱼ) when j is made perfect; the slope comes from
 *   the reverse pass. (Under the independence approximation that is a first-order estimate.)
 */
function evaluate(compiled: Compiled): { availability: number; gains: Float64Array } {
  const { own, enumerated } = compiled;
  const states = own.slice();
  const value = new Float64Array(own.length);
  const slope = new Float64Array(own.length);
  const upTotal = new Float64Array(own.length);
  const scratch = scratchFor(compiled);
  let availability = 0;
  for (let mask = 0; mask < 2 ** enumerated.length; mask++) {
    let weight = 1;
    for (let bit = 0; bit < enumerated.length; bit++) {
      const index = enumerated[bit] as number;
      const up = (mask >> bit) & 1;
      weight *= up ? (own[index] as number) : 1 - (own[index] as number);
      states[index] = up;
    }
    if (weight === 0) continue;
    const result = propagate(compiled, states, value);
    availability += weight * result;
    backpropagate(compiled, states, value, weight, slope, scratch);
    for (const index of enumerated) if (states[index] === 1) upTotal[index] = (upTotal[index] as number) + weight * result;
  }
  const gains = Float64Array.from(own, (p, i) => (enumerated.includes(i) ? (upTotal[i] as number) / p - availability : (slope[i] as number) * (1 - p)));
  return { availability, gains };
}

export type WeakestPart = {
  id: string;
  ownAvailability: number;
  /** How much the target's availability would rise were this part never down. */
  gainIfPerfect: number;
};

export type StructureAvailability = {
  availability: number;
  /** False when too many shared parts forced the independence approximation. */
  exact: boolean;
  /** Parts that reach the target along more than one path, with everything above them. */
  sharedParts: number;
  /**
   * The part whose failures cost the target most: the one that, made perfect, would raise the
   * target's availability by the most. Not simply the least available part — two weak routers
   * backing each other up matter less than one required hypervisor. Null when every part is perfect.
   */
  weakest: WeakestPart | null;
};

/**
 * The availability of `target`. `isPart` says which nodes may be named the weakest part (a tree's
 * series and redundancy nodes are structure, not parts); ties go to the first part in topological order.
 */
export function structureAvailability(target: string, structure: Structure, isPart: (id: string) => boolean = () => true): StructureAvailability {
  const compiled = compile(target, structure);
  const { availability, gains } = evaluate(compiled);
  let weakest: WeakestPart | null = null;
  for (const [i, id] of compiled.ids.entries()) {
    const ownAvailability = compiled.own[i] as number;
    const gainIfPerfect = gains[i] as number;
    if (!isPart(id) || ownAvailability >= 1) continue;
    if (!weakest || gainIfPerfect > weakest.gainIfPerfect) weakest = { id, ownAvailability, gainIfPerfect };
  }
  const exact = compiled.sharedParts <= MAX_ENUMERATED_PARTS;
  return { availability, exact, sharedParts: compiled.sharedParts, weakest };
}
