/** A directed dependency edge: `from` depends on `to`. */
export type Edge = { from: string; to: string };

function index(edges: Edge[], reverse: boolean) {
  const map = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = reverse ? [e.to, e.from] : [e.from, e.to];
    const list = map.get(a);
    if (list) list.push(b);
    else map.set(a, [b]);
  }
  return map;
}

/**
 * Everything that transitively depends on `start` — what breaks when it breaks — with
 * the shortest distance to each. Cycles are walked once.
 */
export function blastRadius(start: string, edges: Edge[]): Map<string, number> {
  const dependents = index(edges, true);
  const distance = new Map<string, number>();
  let frontier = [start];
  for (let depth = 1; frontier.length; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const dependent of dependents.get(node) ?? []) {
        if (dependent === start || distance.has(dependent)) continue;
        distance.set(dependent, depth);
        next.push(dependent);
      }
    }
    frontier = next;
  }
  return distance;
}

/**
 * The dependency cycles `start` is part of, each as a path that begins and ends at
 * `start` (shortest first). Cycles are allowed in the catalog but shown as a warning.
 */
export function cyclesThrough(start: string, edges: Edge[], limit = 5): string[][] {
  const deps = index(edges, false);
  const cycles: string[][] = [];
  // Breadth-first from each direct dependency back to start gives the shortest cycles first.
  const queue: string[][] = (deps.get(start) ?? []).map((d) => [start, d]);
  const seen = new Set<string>();
  while (queue.length && cycles.length < limit) {
    const path = queue.shift()!;
    const last = path[path.length - 1];
    if (last === start) {
      cycles.push(path);
      continue;
    }
    if (seen.has(last)) continue;
    seen.add(last);
    for (const next of deps.get(last) ?? []) queue.push([...path, next]);
  }
  return cycles;
}

/** Would adding `from → to` close a cycle? (Allowed, but the user is told.) */
export function wouldCreateCycle(from: string, to: string, edges: Edge[]): boolean {
  return from === to || blastRadius(from, edges).has(to);
}
