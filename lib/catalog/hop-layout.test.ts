import { describe, expect, it } from "vitest";
import { COLUMN_CAP, layoutHops } from "./hop-layout";
import type { HopGraph, HopNode, Neighbour } from "./neighbourhood";

const centre: Neighbour = { slug: "c", name: "C", tier: "tier0", teamSlug: null, teamName: null };
const svc = (slug: string, side: HopNode["side"], hop: number, team = slug): HopNode => ({
  slug,
  name: slug.toUpperCase(),
  tier: "tier1",
  teamSlug: team,
  teamName: team,
  side,
  hop,
});
const graphOf = (
  nodes: HopNode[],
  edges: HopGraph["edges"],
  totals: Record<string, number> = {},
): HopGraph => {
  const columns = [...new Set(nodes.map((n) => `${n.side}${n.hop}`))].map((k) => ({
    side: k.slice(0, -1) as HopNode["side"],
    hop: Number(k.slice(-1)),
    total: totals[k] ?? nodes.filter((n) => `${n.side}${n.hop}` === k).length,
  }));
  return { hops: 3, nodes, edges, columns };
};

describe("layoutHops", () => {
  it("puts dependents left and dependencies right, one column per hop, edges pointing at what is depended on", () => {
    const g = graphOf(
      [svc("u1", "up", 1), svc("u2", "up", 2), svc("d1", "down", 1)],
      [
        ["c", "u1", "up"],
        ["u1", "u2", "up"],
        ["d1", "c", "down"],
      ],
    );
    const { nodes, edges } = layoutHops(g, centre);
    expect(nodes.map((n) => `${n.label}@${n.column}`)).toEqual(["C@0", "D1@-1", "U1@1", "U2@2"]);
    expect(edges.map((e) => `${e.source}->${e.target}`)).toEqual([
      "centre->up1:u1",
      "up1:u1->up2:u2",
      "down1:d1->centre",
    ]);
  });

  it("draws a lone service alone", () => {
    expect(layoutHops(graphOf([], []), centre)).toEqual({
      nodes: [expect.objectContaining({ id: "centre", column: 0 })],
      edges: [],
    });
  });

  it("caps a crowded column with a +N more node that opens it, and counts services never sent", () => {
    const many = Array.from({ length: 14 }, (_, i) => svc(`s${String(i).padStart(2, "0")}`, "up", 1));
    const g = graphOf(
      many,
      many.map((m) => ["c", m.slug, "up"]),
      { up1: 20 },
    );
    const capped = layoutHops(g, centre).nodes.filter((n) => n.column === 1);
    expect(capped).toHaveLength(COLUMN_CAP);
    expect(capped.at(-1)).toMatchObject({ kind: "more", label: "+11 more", target: "up1:*" });
    // Every hidden service's edge lands on the one "+N more" node.
    expect(layoutHops(g, centre).edges.filter((e) => e.target === "up1:more")).toHaveLength(1);
    const opened = layoutHops(g, centre, new Set(["up1:*"])).nodes.filter((n) => n.column === 1);
    expect(opened.filter((n) => n.kind === "service")).toHaveLength(14);
    expect(opened.at(-1)).toMatchObject({ kind: "more", label: "+6 more", target: "" });
  });

  it("groups a crowded column by team, and opens a group in that column only", () => {
    const nodes = [
      ...Array.from({ length: 8 }, (_, i) => svc(`p${i}`, "down", 2, "pay")),
      ...Array.from({ length: 4 }, (_, i) => svc(`q${i}`, "down", 2, "data")),
    ];
    const g = graphOf(nodes, []);
    expect(layoutHops(g, centre).nodes.map((n) => n.label)).toEqual(["C", "pay (8) ▸", "data (4) ▸"]);
    const opened = layoutHops(g, centre, new Set(["down2:data", "down1:pay"])).nodes.map((n) => n.label);
    expect(opened).toEqual(["C", "pay (8) ▸", "Q0", "Q1", "Q2", "Q3"]);
  });

  it("draws a column whole once a group in it is opened, even past the cap", () => {
    const nodes = [
      ...Array.from({ length: 12 }, (_, i) => svc(`f${String(i).padStart(2, "0")}`, "down", 1, "fleet")),
      ...Array.from({ length: 5 }, (_, i) => svc(`o${i}`, "down", 1)),
    ];
    const g = graphOf(nodes, []);
    expect(layoutHops(g, centre).nodes).toHaveLength(7);
    const opened = layoutHops(g, centre, new Set(["down1:fleet"])).nodes;
    expect(opened.filter((n) => n.kind === "service")).toHaveLength(17);
    expect(opened.some((n) => n.kind === "more")).toBe(false);
  });
});
