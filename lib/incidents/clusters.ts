/**
 * Groups ids into connected components from pairs that are alike (union–find): A like B and
 * B like C put A, B and C in one group even when A and C alone are not. Each group is
 * returned in the order of `ids`; groups are ordered by their first member.
 */
export function clusters(ids: readonly string[], pairs: readonly [string, string][]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    // Path compression keeps later look-ups flat.
    let node = id;
    while (parent.get(node) !== r) {
      const next = parent.get(node) as string;
      parent.set(node, r);
      node = next;
    }
    return r;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const r = root(id);
    const group = groups.get(r);
    if (group) group.push(id);
    else groups.set(r, [id]);
  }
  return [...groups.values()];
}

/** A cause as people type it, folded so "Expired cert." and "expired cert" group together. */
export function normalizeCause(cause: string): string {
  return cause
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
