"use client";

import { Background, Controls, type Edge, MarkerType, type Node, Position, ReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useRouter } from "next/navigation";
import { useTheme } from "next-themes";
import { useMemo, useState } from "react";
import { type Cluster, clusterNeighbours, type Neighbour } from "@/lib/catalog/neighbourhood";
import { TIER_RING } from "./tier-badge";

const COLUMN = 300;
const ROW = 58;

/**
 * The service's direct neighbourhood: dependents on the left, dependencies on the right.
 * Crowded sides collapse into one node per owning team; clicking a group expands it and
 * clicking a service opens its page.
 */
export function DependencyGraph({
  center,
  upstream,
  downstream,
}: {
  center: Neighbour;
  upstream: Neighbour[];
  downstream: Neighbour[];
}) {
  const router = useRouter();
  const { resolvedTheme } = useTheme();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const { nodes, edges } = useMemo(() => {
    const left = clusterNeighbours(downstream, 10, expanded);
    const right = clusterNeighbours(upstream, 10, expanded);
    const height = Math.max(left.length, right.length, 1) * ROW;
    const nodes: Node[] = [node("center", center.name, center.tier, COLUMN, height / 2 - ROW / 2, true)];
    const edges: Edge[] = [];
    const place = (clusters: Cluster[], x: number, side: "up" | "down") =>
      clusters.forEach((c, i) => {
        const y = (height - clusters.length * ROW) / 2 + i * ROW;
        const id = `${side}:${c.kind === "group" ? `group:${c.key}` : c.service.slug}`;
        const label = c.kind === "group" ? `${c.label} (${c.services.length}) ▸` : c.service.name;
        nodes.push(node(id, label, c.kind === "group" ? "group" : c.service.tier, x, y, false));
        const [source, target] = side === "down" ? [id, "center"] : ["center", id];
        edges.push({
          id: `${source}->${target}`,
          source,
          target,
          markerEnd: { type: MarkerType.ArrowClosed },
          style: { strokeWidth: 1.5 },
        });
      });
    place(left, 0, "down");
    place(right, COLUMN * 2, "up");
    return { nodes, edges };
  }, [center, upstream, downstream, expanded]);

  // A new set of nodes (a dependency added or removed, a group expanded) mounts a new flow,
  // which fits itself to them; fitView alone only fits the first render.
  const shape = nodes.map((n) => n.id).join("|");
  return (
    <div className="grid gap-2">
      <div className="h-[26rem] w-full rounded-md border bg-background" data-testid="dependency-graph">
        <ReactFlow
          key={shape}
          nodes={nodes}
          edges={edges}
          colorMode={resolvedTheme === "dark" ? "dark" : "light"}
          fitView
          // A lone service (or two) is drawn at its natural size, not blown up to fill the box.
          fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
          nodesDraggable={false}
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
          onNodeClick={(_, n) => {
            const [, kind, key] = n.id.split(":");
            if (kind === "group") setExpanded((prev) => new Set(prev).add(key));
            else if (n.id !== "center") router.push(`/services/${n.id.split(":")[1]}`);
          }}
        >
          <Background gap={16} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <ul
        className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground"
        aria-label="Border colours"
      >
        {Object.entries(TIER_RING).map(([tier, colour]) => (
          <li key={tier} className="inline-flex items-center gap-1.5">
            <span
              className="inline-block size-3 rounded-sm border-2"
              style={{ borderColor: colour }}
              aria-hidden
            />
            {tier.replace("tier", "Tier ")}
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span
            className="inline-block size-3 rounded-sm border-2 border-dashed border-slate-400"
            aria-hidden
          />
          A team&rsquo;s services, grouped (click to expand)
        </li>
      </ul>
    </div>
  );
}

function node(id: string, label: string, tier: string, x: number, y: number, center: boolean): Node {
  return {
    id,
    position: { x, y },
    data: { label },
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
    style: {
      width: 220,
      fontSize: 12,
      fontWeight: center ? 600 : 400,
      borderRadius: 8,
      border: `2px solid ${TIER_RING[tier as keyof typeof TIER_RING] ?? "#94a3b8"}`,
      background: center ? "var(--accent)" : "var(--card)",
      color: "var(--foreground)",
      cursor: center ? "default" : "pointer",
      borderStyle: tier === "group" ? "dashed" : "solid",
    },
  };
}
