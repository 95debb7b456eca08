import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { catalogState, serviceDependencies, services, teams } from "@/db/schema";
import type { Tier } from "@/db/schema/enums";

type Node = {
  id: string;
  slug: string;
  name: string;
  tier: Tier;
  live: boolean;
  teamSlug: string | null;
  teamName: string | null;
};
type Graph = { version: number; nodes: Map<string, Node>; dependents: Map<string, string[]> };

const key = Symbol.for("pharos.catalog.graph");
/** Per database handle, so two databases in one process (tests) never share a graph. */
type GlobalWithGraph = typeof globalThis & { [key]?: WeakMap<object, Graph> };

/**
 * The dependency graph held in memory and reloaded only when `catalog_state.graph_version`
 * moves (database triggers bump it on every change to services or dependencies, in the
 * writer's transaction). Blast radius then costs one tiny read plus a walk in memory,
 * instead of a recursive query over the whole catalog on every service page.
 */
export async function dependencyGraph(db: Queryable): Promise<Graph> {
  const [state] = await db
    .select({ version: catalogState.graphVersion })
    .from(catalogState)
    .where(eq(catalogState.id, 1));
  const version = state?.version ?? -1;
  const g = globalThis as GlobalWithGraph;
  g[key] ??= new WeakMap();
  const cache = g[key];
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached;
  const [nodeRows, edgeRows] = await Promise.all([
    db
      .select({
        id: services.id,
        slug: services.slug,
        name: services.name,
        tier: services.tier,
        archivedAt: services.archivedAt,
        teamSlug: teams.slug,
        teamName: teams.name,
      })
      .from(services)
      .leftJoin(teams, eq(teams.id, services.ownerTeamId)),
    db
      .select({ from: serviceDependencies.serviceId, to: serviceDependencies.dependsOnId })
      .from(serviceDependencies),
  ]);
  const nodes = new Map<string, Node>(nodeRows.map((n) => [n.id, { ...n, live: n.archivedAt === null }]));
  const dependents = new Map<string, string[]>();
  for (const e of edgeRows) {
    const list = dependents.get(e.to);
    if (list) list.push(e.from);
    else dependents.set(e.to, [e.from]);
  }
  const graph = { version, nodes, dependents };
  cache.set(db, graph);
  return graph;
}

const TIER_ORDER: Record<Tier, number> = { tier0: 0, tier1: 1, tier2: 2, tier3: 3 };

/** Everything that transitively depends on `start` (live services only), most critical first. */
export function blastRadiusOf(graph: Graph, start: string, shown: number) {
  const seen = new Set<string>();
  let inCycle = false;
  const stack = [...(graph.dependents.get(start) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === start) inCycle = true;
    if (seen.has(id) || id === start) continue;
    seen.add(id);
    for (const next of graph.dependents.get(id) ?? []) if (!seen.has(next)) stack.push(next);
  }
  const byTier: Record<Tier, number> = { tier0: 0, tier1: 0, tier2: 0, tier3: 0 };
  const live: Node[] = [];
  for (const id of seen) {
    const node = graph.nodes.get(id);
    if (!node?.live) continue;
    byTier[node.tier] += 1;
    live.push(node);
  }
  live.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || a.name.localeCompare(b.name));
  return {
    total: live.length,
    byTier,
    inCycle,
    services: live
      .slice(0, shown)
      .map(({ slug, name, tier, teamSlug, teamName }) => ({ slug, name, tier, teamSlug, teamName })),
  };
}
