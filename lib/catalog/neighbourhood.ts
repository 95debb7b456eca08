export type Neighbour = {
  slug: string;
  name: string;
  tier: string;
  teamSlug: string | null;
  teamName: string | null;
};

export type Cluster =
  | { kind: "service"; service: Neighbour }
  | { kind: "group"; key: string; label: string; services: Neighbour[] };

/**
 * Keeps a side of the dependency graph legible: up to `max` services are drawn one by
 * one; beyond that they are grouped by owning team (largest groups first), and each group
 * can be expanded on demand. Pure, so the rule is tested without a browser.
 */
export function clusterNeighbours(
  services: Neighbour[],
  max = 10,
  expanded: ReadonlySet<string> = new Set(),
): Cluster[] {
  if (services.length <= max) return services.map((service) => ({ kind: "service", service }));
  const groups = new Map<string, Neighbour[]>();
  for (const s of services) {
    const key = s.teamSlug ?? "unowned";
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const out: Cluster[] = [];
  for (const [key, members] of [...groups].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  )) {
    if (members.length === 1 || expanded.has(key))
      out.push(...members.map((service) => ({ kind: "service" as const, service })));
    else out.push({ kind: "group", key, label: members[0].teamName ?? "Unowned", services: members });
  }
  return out;
}

/** How far the service page's graph reaches: 1, 2 or 3 hops each way. */
export const MAX_HOPS = 3;

/** "up" is what the service depends on (drawn right of it), "down" what depends on it (left). */
export type Side = "up" | "down";

/** A service within `hops` of the centre, at its shortest distance on one side. */
export type HopNode = Neighbour & { side: Side; hop: number };

/**
 * The service's neighbourhood as the page sends it to the graph: each column (side, hop)
 * holds at most a few dozen services, most critical first, and says how many it has in all;
 * an edge `[from, to, side]` (`from` depends on `to`) joins one column to the next one out.
 */
export type HopGraph = {
  hops: number;
  nodes: HopNode[];
  edges: [from: string, to: string, side: Side][];
  columns: { side: Side; hop: number; total: number }[];
};
