import { describe, expect, it } from "vitest";
import { clusterNeighbours, type Neighbour } from "./neighbourhood";

const svc = (slug: string, team: string | null): Neighbour => ({
  slug,
  name: slug,
  tier: "tier2",
  teamSlug: team,
  teamName: team ? team.toUpperCase() : null,
});

describe("clusterNeighbours", () => {
  it("draws a small side one service at a time", () => {
    const side = [svc("a", "x"), svc("b", "y")];
    expect(clusterNeighbours(side).map((c) => c.kind)).toEqual(["service", "service"]);
  });

  it("groups a large side by team, largest first, keeping singletons as services", () => {
    const side = [
      ...Array.from({ length: 7 }, (_, i) => svc(`p${i}`, "pay")),
      ...Array.from({ length: 4 }, (_, i) => svc(`d${i}`, "data")),
      svc("lone", "edge"),
    ];
    const clusters = clusterNeighbours(side, 10);
    expect(
      clusters.map((c) => (c.kind === "group" ? `${c.label}:${c.services.length}` : c.service.slug)),
    ).toEqual(["PAY:7", "DATA:4", "lone"]);
  });

  it("expands a group on request and never loses a service", () => {
    const side = Array.from({ length: 30 }, (_, i) =>
      svc(`s${i}`, i % 3 === 0 ? "a" : i % 3 === 1 ? "b" : null),
    );
    const clusters = clusterNeighbours(side, 10, new Set(["a"]));
    const count = clusters.reduce((n, c) => n + (c.kind === "group" ? c.services.length : 1), 0);
    expect(count).toBe(30);
    expect(clusters.filter((c) => c.kind === "service")).toHaveLength(10);
    expect(clusters.some((c) => c.kind === "group" && c.label === "Unowned")).toBe(true);
  });
});
