/** The fields of an observation the tree needs. */
export interface TreeInput {
  id: string;
  parentId: string | null;
  startTime: Date | string;
}

/** A node of the observation tree, children in start order. */
export interface TreeNode<T extends TreeInput> {
  observation: T;
  depth: number;
  children: TreeNode<T>[];
}

const time = (value: Date | string) => (typeof value === "string" ? Date.parse(value) : value.getTime());

/**
 * Builds the trace's tree from `parentId`. Roots are observations without a parent,
 * and orphans (whose parent is missing, or that sit on a cycle) so nothing is hidden.
 * Siblings are ordered by start time, then id.
 */
export function buildObservationTree<T extends TreeInput>(observations: readonly T[]): TreeNode<T>[] {
  const byId = new Map(observations.map((o) => [o.id, o]));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const o of observations) {
    if (o.parentId && o.parentId !== o.id && byId.has(o.parentId)) {
      children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
    } else roots.push(o);
  }
  const order = (a: T, b: T) => time(a.startTime) - time(b.startTime) || a.id.localeCompare(b.id);
  const placed = new Set<string>();
  const build = (o: T, depth: number): TreeNode<T> => {
    placed.add(o.id);
    const kids = (children.get(o.id) ?? []).filter((c) => !placed.has(c.id)).sort(order);
    return { observation: o, depth, children: kids.map((c) => build(c, depth + 1)) };
  };
  const tree = roots.sort(order).map((o) => build(o, 0));
  // Observations on a parent cycle are reachable from no root: show them as roots too.
  for (const o of [...observations].sort(order)) if (!placed.has(o.id)) tree.push(build(o, 0));
  return tree;
}

/** The tree in display order (depth-first), each node once. */
export function flattenTree<T extends TreeInput>(tree: readonly TreeNode<T>[]): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const walk = (nodes: readonly TreeNode<T>[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}
