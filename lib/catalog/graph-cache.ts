import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services, teams } from "@/db/schema";
import type { Tier } from "@/db/schema/enums";
import { catalogVersion } from "./catalog-version";

export type GraphNode = {
  id: string;
  slug: string;
  name: string;
  tier: Tier;
  live: boolean;
  teamSlug: string | null;
  teamName: string | null;
};
type Node = GraphNode;

/**
 * Services by position, and each one's dependents as a compressed adjacency list (the
 * dependents of node i are `dependents[start[i] … start[i + 1])`): a walk over 10,000
 * services and 30,000 edges touches typed arrays only, not maps of 36-character ids.
 */
export type Graph = {
  version: number;
  nodes: Node[];
  indexOf: Map<string, number>;
  start: Int32Array;
  dependents: Int32Array;
  /** Node positions most critical first (tier, then name): a radius's first few are then its lowest ranks. */
  order: Int32Array;
  /** The inverse of `order`: each node's place in it. */
  rank: Int32Array;
};

const TIER_ORDER: Record<Tier, number> = { tier0: 0, tier1: 1, tier2: 2, tier3: 3 };
// One collator for every comparison: String#localeCompare sets one up on each call.
const byName = new Intl.Collator().compare;
const mostCriticalFirst = (a: Node, b: Node) =>
  TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || byName(a.name, b.name);

/** `edges` are `from` depends on `to`. */
export function buildGraph(version: number, nodes: Node[], edges: { from: string; to: string }[]): Graph {
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
  const start = new Int32Array(nodes.length + 1);
  const pairs: [number, number][] = [];
  for (const e of edges) {
    const from = indexOf.get(e.from);
    const to = indexOf.get(e.to);
    if (from === undefined || to === undefined) continue;
    pairs.push([to, from]);
    start[to + 1] += 1;
  }
  for (let i = 0; i < nodes.length; i++) start[i + 1] += start[i];
  const dependents = new Int32Array(pairs.length);
  const fill = start.slice(0, nodes.length);
  for (const [to, from] of pairs) dependents[fill[to]++] = from;
  // Sorted once per graph version, so no page view compares names.
  const order = Int32Array.from(nodes.keys()).sort((a, b) => mostCriticalFirst(nodes[a], nodes[b]));
  const rank = new Int32Array(nodes.length);
  order.forEach((node, place) => {
    rank[node] = place;
  });
  return { version, nodes, indexOf, start, dependents, order, rank };
}

const key = Symbol.for("pharos.catalog.graph.v2");
/** The newest graph and the load in flight, per database handle (two databases in one process never share). */
type Slot = { graph?: Graph; pending?: { version: number; promise: Promise<Graph> } };
type GlobalWithGraph = typeof globalThis & { [key]?: WeakMap<object, Slot> };

/** How often the graph has been loaded from the database in this process: tests count rebuilds with it. */
export const graphLoads = { count: 0 };

async function loadGraph(db: Queryable, version: number): Promise<Graph> {
  graphLoads.count += 1;
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
  return buildGraph(
    version,
    nodeRows.map(({ archivedAt, ...n }) => ({ ...n, live: archivedAt === null })),
    edgeRows,
  );
}

/**
 * The dependency graph held in memory and reloaded only when `catalog_state.graph_version`
 * moves (database triggers bump it when any change to services, dependencies or teams
 * commits). Blast radius then costs one tiny read plus a walk in memory, instead of a
 * recursive query over the whole catalog on every service page.
 *
 * A reader is answered by any graph at least as new as the version it read (its rows were
 * read after that version committed, so they hold every write the reader could know of),
 * and a burst of readers after a write shares the one load in flight instead of each
 * rebuilding the graph.
 */
export async function dependencyGraph(db: Queryable): Promise<Graph> {
  const version = await catalogVersion(db);
  const g = globalThis as GlobalWithGraph;
  g[key] ??= new WeakMap();
  let slot = g[key].get(db);
  if (!slot) {
    slot = {};
    g[key].set(db, slot);
  }
  if (slot.graph && slot.graph.version >= version) return slot.graph;
  if (slot.pending && slot.pending.version >= version) return slot.pending.promise;
  const pending = { version, promise: loadGraph(db, version) };
  slot.pending = pending;
  const settled = slot;
  // Registered before any caller's await, so the graph is in place when they resume.
  pending.promise.then(
    (graph) => {
      if (!settled.graph || settled.graph.version < graph.version) settled.graph = graph;
      if (settled.pending === pending) settled.pending = undefined;
    },
    () => {
      // A failed load is not kept: the next reader tries again.
      if (settled.pending === pending) settled.pending = undefined;
    },
  );
  return pending.promise;
}

/** Everything that transitively depends on `start` (live services only), most critical first. */
export function blastRadiusOf(graph: Graph, startId: string, shown: number) {
  const byTier: Record<Tier, number> = { tier0: 0, tier1: 0, tier2: 0, tier3: 0 };
  const top = new TopK<number>(shown, (a, b) => a - b);
  const origin = graph.indexOf.get(startId);
  let total = 0;
  let inCycle = false;
  if (origin !== undefined) {
    // Depth-first, marking on push, so each service enters the stack at most once.
    const seen = new Uint8Array(graph.nodes.length);
    const stack = new Int32Array(graph.nodes.length);
    let height = 0;
    const visitDependentsOf = (i: number) => {
      for (let e = graph.start[i]; e < graph.start[i + 1]; e++) {
        const j = graph.dependents[e];
        if (j === origin) inCycle = true;
        else if (!seen[j]) {
          seen[j] = 1;
          stack[height++] = j;
        }
      }
    };
    visitDependentsOf(origin);
    while (height) {
      const i = stack[--height];
      const node = graph.nodes[i];
      if (node.live) {
        byTier[node.tier] += 1;
        total += 1;
        top.offer(graph.rank[i]);
      }
      visitDependentsOf(i);
    }
  }
  return {
    total,
    byTier,
    inCycle,
    services: top.items.map((place) => {
      const { slug, name, tier, teamSlug, teamName } = graph.nodes[graph.order[place]];
      return { slug, name, tier, teamSlug, teamName };
    }),
  };
}

/**
 * The first `k` items in `compare` order, kept sorted as items are offered: only the
 * names that are shown get sorted, not the whole radius.
 */
export class TopK<T> {
  readonly items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T) {
    const { items, k, compare } = this;
    if (k <= 0) return;
    if (items.length === k && compare(item, items[k - 1]) >= 0) return;
    // Binary search for the first item that sorts after `item` (stable for equal ones).
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(items[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, item);
    if (items.length > k) items.pop();
  }
}
