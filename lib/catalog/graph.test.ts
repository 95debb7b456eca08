import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blastRadius, cyclesThrough, type Edge, wouldCreateCycle } from "./graph";

// web → api → db, worker → db, api → cache, cache → api (a cycle)
const edges: Edge[] = [
  { from: "web", to: "api" },
  { from: "api", to: "db" },
  { from: "worker", to: "db" },
  { from: "api", to: "cache" },
  { from: "cache", to: "api" },
];

describe("dependency graph", () => {
  it("finds every transitive dependent with its distance", () => {
    expect(Object.fromEntries(blastRadius("db", edges))).toEqual({ api: 1, worker: 1, web: 2, cache: 2 });
    expect(blastRadius("web", edges).size).toBe(0);
  });

  it("finds cycles through a service, shortest first", () => {
    expect(cyclesThrough("api", edges)).toEqual([["api", "cache", "api"]]);
    expect(cyclesThrough("db", edges)).toEqual([]);
  });

  it("predicts cycles before an edge is added", () => {
    expect(wouldCreateCycle("db", "web", edges)).toBe(true);
    expect(wouldCreateCycle("web", "db", edges)).toBe(false);
    expect(wouldCreateCycle("db", "db", edges)).toBe(true);
  });

  it("blast radius equals reachability over reversed edges (property)", () => {
    const node = fc.constantFrom("a", "b", "c", "d", "e", "f");
    fc.assert(
      fc.property(fc.array(fc.record({ from: node, to: node }), { maxLength: 15 }), node, (es, start) => {
        const radius = blastRadius(start, es);
        expect(radius.has(start)).toBe(false);
        for (const [n, d] of radius) {
          expect(d).toBeGreaterThanOrEqual(1);
          // Something at distance d depends directly on something at distance d-1 (or on start).
          const parents = es.filter((e) => e.from === n).map((e) => e.to);
          expect(parents.some((p) => (d === 1 ? p === start : radius.get(p) === d - 1))).toBe(true);
        }
      }),
    );
  });
});
