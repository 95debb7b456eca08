import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Tier } from "@/db/schema/enums";
import { blastRadiusOf, buildGraph, TopK } from "./graph-cache";

const TIERS: Tier[] = ["tier0", "tier1", "tier2", "tier3"];
const collator = new Intl.Collator();

describe("TopK", () => {
  it("keeps exactly what sorting everything and taking the first k would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 })),
        fc.integer({ min: 0, max: 12 }),
        (values, k) => {
          const top = new TopK<number>(k, (a, b) => a - b);
          for (const v of values) top.offer(v);
          expect(top.items).toEqual([...values].sort((a, b) => a - b).slice(0, k));
        },
      ),
    );
  });
});

describe("blastRadiusOf", () => {
  // Random graphs (cycles included): the transitive dependents, counted by tier, and the most
  // critical shown first, as a plain breadth-first search and a full sort would give.
  const graphs = fc
    .record({
      size: fc.integer({ min: 1, max: 40 }),
      edges: fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { maxLength: 120 }),
      tiers: fc.array(fc.constantFrom(...TIERS), { minLength: 40, maxLength: 40 }),
      archived: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      names: fc.array(fc.constantFrom("alpha", "Beta", "gamma", "Delta", "édith", "zulu"), {
        minLength: 40,
        maxLength: 40,
      }),
    })
    .map(({ size, edges, tiers, archived, names }) => {
      const ids = Array.from({ length: size }, (_, i) => `s${i}`);
      const nodes = new Map(
        ids.map((id, i) => [
          id,
          {
            id,
            slug: id,
            name: `${names[i]} ${i}`,
            tier: tiers[i],
            live: !archived[i],
            teamSlug: null,
            teamName: null,
          },
        ]),
      );
      // `from` depends on `to`: `from` is one of `to`'s dependents. Repeats and self-edges are kept.
      const kept = edges.filter(([from, to]) => from < size && to < size);
      const dependents = new Map<string, string[]>();
      for (const [from, to] of kept) dependents.set(ids[to], [...(dependents.get(ids[to]) ?? []), ids[from]]);
      const graph = buildGraph(
        1,
        [...nodes.values()],
        kept.map(([from, to]) => ({ from: ids[from], to: ids[to] })),
      );
      return { ids, nodes, dependents, graph };
    });

  it("finds every transitive dependent and lists the most critical first", () => {
    fc.assert(
      fc.property(
        graphs,
        fc.nat(39),
        fc.integer({ min: 0, max: 8 }),
        ({ ids, nodes, dependents, graph }, pick, shown) => {
          const start = ids[pick % ids.length];
          const reached = new Set<string>();
          const queue = [...(dependents.get(start) ?? [])];
          while (queue.length) {
            const id = queue.shift()!;
            if (reached.has(id)) continue;
            reached.add(id);
            queue.push(...(dependents.get(id) ?? []));
          }
          const inCycle = reached.has(start);
          reached.delete(start);
          const live = [...reached].map((id) => nodes.get(id)!).filter((n) => n.live);
          const expected = [...live].sort(
            (a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || collator.compare(a.name, b.name),
          );
          const radius = blastRadiusOf(graph, start, shown);
          expect(radius.total).toBe(live.length);
          expect(radius.inCycle).toBe(inCycle);
          expect(radius.byTier).toEqual(
            Object.fromEntries(TIERS.map((t) => [t, live.filter((n) => n.tier === t).length])),
          );
          expect(radius.services.map((s) => s.slug)).toEqual(expected.slice(0, shown).map((n) => n.slug));
        },
      ),
    );
  });
});
