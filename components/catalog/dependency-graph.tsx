"use client";

import { Background, Controls, type Edge, MarkerType, type Node, Position, ReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useRouter } from "next/navigation";
import { type CSSProperties, useMemo, useState, useSyncExternalStore } from "react";
import { type DrawnNode, layoutHops } from "@/lib/catalog/hop-layout";
import type { HopGraph, HopNode, Neighbour } from "@/lib/catalog/neighbourhood";
import { type Columnar, fromColumnar } from "@/lib/columnar";
import { TIER_RING } from "./tier-badge";

const COLUMN = 270;
const ROW = 58;
const WIDTH = 210;
const NEUTRAL = "#94a3b8";

/**
 * React Flow's own colours, taken from the app's tokens so the flow follows the theme
 * through CSS alone: its stylesheet loads after globals.css and won over the rules there,
 * and a colour mode read from next-themes came back "light" on a dark page.
 */
const FLOW_COLOURS = {
  "--xy-background-color": "var(--background)",
  "--xy-background-pattern-dots-color-default": "var(--border)",
  "--xy-edge-stroke": "var(--muted-foreground)",
  "--xy-handle-background-color": "var(--card)",
  "--xy-handle-border-color": "var(--muted-foreground)",
  "--xy-controls-button-background-color": "var(--card)",
  "--xy-controls-button-background-color-hover": "var(--accent)",
  "--xy-controls-button-color": "var(--foreground)",
  "--xy-controls-button-color-hover": "var(--foreground)",
  "--xy-controls-button-border-color": "var(--border)",
} as CSSProperties;

/**
 * The service's neighbourhood, one column per hop: what depends on it to the left, what it
 * depends on to the right, each arrow pointing from a service to what it depends on.
 * Crowded columns collapse into one node per owning team (click to expand) and stop at a
 * "+N more" node; clicking a service opens its page.
 */
export function DependencyGraph({
  center,
  graph: sent,
}: {
  center: Neighbour;
  /** The neighbourhood with its nodes columnar (lib/columnar.ts): a 3-hop graph names a few hundred fields less. */
  graph: Omit<HopGraph, "nodes"> & { nodes: Columnar<HopNode> };
}) {
  const graph = useMemo(() => ({ ...sent, nodes: fromColumnar(sent.nodes) }), [sent]);
  const router = useRouter();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  // Drawn in the browser only: the server's rendering of every node and edge cost the
  // document 14 KB at one hop and twice that at three, for a picture that needs script
  // anyway (the lists below carry the same services for everyone).
  const mounted = useSyncExternalStore(noSubscription, isBrowser, isServer);
  const { nodes, edges } = useMemo(() => {
    const laid = layoutHops(graph, center, expanded);
    const rowsIn = new Map<number, number>();
    for (const n of laid.nodes) rowsIn.set(n.column, Math.max(rowsIn.get(n.column) ?? 0, n.row + 1));
    const height = Math.max(...rowsIn.values()) * ROW;
    const nodes: Node[] = laid.nodes.map((n) =>
      flowNode(n, n.column * COLUMN, (height - (rowsIn.get(n.column) ?? 1) * ROW) / 2 + n.row * ROW),
    );
    const edges: Edge[] = laid.edges.map((e) => ({
      ...e,
      markerEnd: { type: MarkerType.ArrowClosed },
      style: { strokeWidth: 1.5 },
    }));
    return { nodes, edges };
  }, [center, graph, expanded]);

  // A new set of nodes (other hops, a dependency added or removed, a group expanded) mounts
  // a new flow, which fits itself to them; fitView alone only fits the first render.
  const shape = nodes.map((n) => n.id).join("|");
  return (
    <div className="grid gap-2">
      <div className="h-[26rem] w-full rounded-md border bg-background" data-testid="dependency-graph">
        {mounted ? (
          <ReactFlow
            key={shape}
            nodes={nodes}
            edges={edges}
            style={FLOW_COLOURS}
            defaultMarkerColor="var(--muted-foreground)"
            fitView
            // A lone service (or two) is drawn at its natural size, not blown up to fill the box;
            // three hops each way may shrink well below React Flow's default floor of 0.5.
            fitViewOptions={{ maxZoom: 1, minZoom: 0.2, padding: 0.15 }}
            minZoom={0.2}
            nodesDraggable={false}
            nodesConnectable={false}
            proOptions={{ hideAttribution: true }}
            onNodeClick={(_, n) => {
              const { kind, target } = n.data as { kind: DrawnNode["kind"]; target: string };
              if ((kind === "group" || kind === "more") && target)
                setExpanded((prev) => new Set(prev).add(target));
              else if (kind === "service") router.push(`/services/${target}`);
            }}
          >
            <Background gap={16} />
            <Controls showInteractive={false} />
          </ReactFlow>
        ) : null}
      </div>
      <GraphLegend />
    </div>
  );
}

const noSubscription = () => () => {};
const isBrowser = () => true;
const isServer = () => false;

function GraphLegend() {
  return (
    <ul className="graph-legend" aria-label="Legend" data-testid="graph-legend">
      <li>
        <span className="graph-legend-arrow" aria-hidden>
          A → B
        </span>
        A depends on B
      </li>
      {Object.entries(TIER_RING).map(([tier, colour]) => (
        <li key={tier}>
          <span className="graph-legend-swatch" style={{ borderColor: colour }} aria-hidden />
          {tier.replace("tier", "Tier ")}
        </li>
      ))}
      <li>
        <span className="graph-legend-swatch border-dashed" style={{ borderColor: NEUTRAL }} aria-hidden />A
        team&rsquo;s services, grouped, or more than fit (click to expand)
      </li>
    </ul>
  );
}

function flowNode(n: DrawnNode, x: number, y: number): Node {
  const centre = n.kind === "centre";
  const clickable = n.kind === "service" || (n.kind !== "centre" && n.target !== "");
  return {
    id: n.id,
    position: { x, y },
    data: { label: n.label, kind: n.kind, target: n.target },
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
    style: {
      width: WIDTH,
      fontSize: 12,
      fontWeight: centre ? 600 : 400,
      borderRadius: 8,
      border: `2px ${n.tier ? "solid" : "dashed"} ${TIER_RING[n.tier as keyof typeof TIER_RING] ?? NEUTRAL}`,
      background: centre ? "var(--accent)" : "var(--card)",
      color: n.kind === "more" ? "var(--muted-foreground)" : "var(--foreground)",
      cursor: clickable ? "pointer" : "default",
    },
  };
}
