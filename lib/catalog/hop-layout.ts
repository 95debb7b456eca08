import { clusterNeighbours, type HopGraph, type Neighbour, type Side } from "./neighbourhood";

/** The most nodes one column draws; past it the rest become one "+N more" node. */
export const COLUMN_CAP = 10;

export type DrawnNode = {
  id: string;
  kind: "centre" | "service" | "group" | "more";
  label: string;
  /** A tier for a service (its border colour); groups and "more" nodes have none. */
  tier: string | null;
  /** 0 is the centre; dependents are at -1, -2, -3 (left), dependencies at 1, 2, 3 (right). */
  column: number;
  row: number;
  /** A service's slug (its page), a group's or a column's expansion key. */
  target: string;
};

/** The key that expands a whole capped column (`+N more`). */
const ALL = "*";

/**
 * Places a neighbourhood by hop: one column per side and distance, each grouped by team
 * when crowded (as the one-hop graph always was) and capped at `COLUMN_CAP` nodes. `expanded`
 * holds `column:team` keys for opened groups and `column:*` for a column opened in full; a
 * column with anything opened is drawn whole.
 * Edges join the drawn nodes; an edge into a group or a "+N more" node lands on it once.
 */
export function layoutHops(graph: HopGraph, centre: Neighbour, expanded: ReadonlySet<string> = new Set()) {
  const nodes: DrawnNode[] = [
    { id: "centre", kind: "centre", label: centre.name, tier: centre.tier, column: 0, row: 0, target: "" },
  ];
  const drawnAs = new Map<string, string>([
    [`up:${centre.slug}`, "centre"],
    [`down:${centre.slug}`, "centre"],
  ]);
  for (const side of ["down", "up"] as Side[]) {
    for (let hop = 1; hop <= graph.hops; hop++) {
      const members = graph.nodes.filter((n) => n.side === side && n.hop === hop);
      if (!members.length) continue;
      const col = `${side}${hop}`;
      const column = side === "up" ? hop : -hop;
      const total = graph.columns.find((c) => c.side === side && c.hop === hop)?.total ?? members.length;
      const opened = new Set(
        [...expanded].filter((k) => k.startsWith(`${col}:`)).map((k) => k.slice(col.length + 1)),
      );
      const clusters = clusterNeighbours(members, COLUMN_CAP, opened);
      // Opening a group asks for its services: the column it is in is no longer capped.
      const capped = opened.size === 0 && clusters.length > COLUMN_CAP;
      const shown = capped ? clusters.slice(0, COLUMN_CAP - 1) : clusters;
      let drawn = 0;
      shown.forEach((c, row) => {
        if (c.kind === "group") {
          const id = `${col}:group:${c.key}`;
          nodes.push({
            id,
            kind: "group",
            label: `${c.label} (${c.services.length}) ▸`,
            tier: null,
            column,
            row,
            target: `${col}:${c.key}`,
          });
          for (const s of c.services) drawnAs.set(`${side}:${s.slug}`, id);
          drawn += c.services.length;
        } else {
          const id = `${col}:${c.service.slug}`;
          nodes.push({
            id,
            kind: "service",
            label: c.service.name,
            tier: c.service.tier,
            column,
            row,
            target: c.service.slug,
          });
          drawnAs.set(`${side}:${c.service.slug}`, id);
          drawn += 1;
        }
      });
      // Some services were not drawn: cut by the cap here, or never sent by the server.
      if (total > drawn) {
        const id = `${col}:more`;
        nodes.push({
          id,
          kind: "more",
          label: `+${total - drawn} more`,
          tier: null,
          column,
          row: shown.length,
          target: capped ? `${col}:${ALL}` : "",
        });
        for (const m of members) if (!drawnAs.has(`${side}:${m.slug}`)) drawnAs.set(`${side}:${m.slug}`, id);
      }
    }
  }
  const edges = new Map<string, { id: string; source: string; target: string }>();
  for (const [from, to, side] of graph.edges) {
    const source = drawnAs.get(`${side}:${from}`);
    const target = drawnAs.get(`${side}:${to}`);
    if (!source || !target) continue;
    const id = `${source}->${target}`;
    edges.set(id, { id, source, target });
  }
  return { nodes, edges: [...edges.values()] };
}
