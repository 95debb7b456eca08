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
