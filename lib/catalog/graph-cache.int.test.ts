import { beforeAll, describe, expect, it } from "vitest";
import { updateTeam } from "@/lib/admin/team-commands";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { addDependency, removeDependency } from "./dependency-commands";
import { dependencyGraph, type Graph, graphLoads } from "./graph-cache";
import { parseCatalogFilter } from "./list-filter";
import { catalogFacets } from "./queries";
import { updateService } from "./service-commands";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  people = await demo(t.db);
});

const nodeBySlug = async (slug: string) => {
  const graph = await dependencyGraph(t.db);
  return graph.nodes.find((n) => n.slug === slug)!;
};

describe("the in-memory dependency graph", () => {
  it("is reused while nothing changes, and reloaded after any catalog or team write", async () => {
    const { admin } = people;
    const first = await dependencyGraph(t.db);
    expect(await dependencyGraph(t.db)).toBe(first);

    // A team rename shows in grouped neighbourhoods and blast radius lists at once.
    const payments = await nodeBySlug("payments-api");
    const renamed = await executeCommand(updateTeam, cliActor, {
      slug: payments.teamSlug!,
      name: "Payments & Billing",
      description: "",
    });
    expect(renamed.ok).toBe(true);
    expect((await nodeBySlug("payments-api")).teamName).toBe("Payments & Billing");

    const before = await dependencyGraph(t.db);
    const added = await executeCommand(addDependency, admin, { slug: "cdn-edge", dependsOn: "payments-api" });
    expect(added.ok).toBe(true);
    const after = await dependencyGraph(t.db);
    expect(after).not.toBe(before);
    const i = after.indexOf.get(payments.id)!;
    const direct = Array.from(
      after.dependents.subarray(after.start[i], after.start[i + 1]),
      (j) => after.nodes[j].slug,
    );
    expect(direct).toContain("cdn-edge");
  });

  it("rebuilds once for a burst of reads right after a write, not once per read", async () => {
    await dependencyGraph(t.db);
    expect(
      (await executeCommand(addDependency, cliActor, { slug: "cdn-edge", dependsOn: "ledger" })).ok,
    ).toBe(true);
    const loadsBefore = graphLoads.count;
    const graphs = await Promise.all(Array.from({ length: 25 }, () => dependencyGraph(t.db)));
    expect(graphLoads.count - loadsBefore).toBe(1);
    expect(new Set(graphs).size).toBe(1);
    // And the next burst, with nothing written in between, loads nothing at all.
    await Promise.all(Array.from({ length: 25 }, () => dependencyGraph(t.db)));
    expect(graphLoads.count - loadsBefore).toBe(1);
  });

  it("never hides a committed write from a read that starts after it, however many read at once", async () => {
    const edge = (graph: Graph, from: string, to: string) => {
      const i = graph.nodes.findIndex((n) => n.slug === to);
      return Array.from(
        graph.dependents.subarray(graph.start[i], graph.start[i + 1]),
        (j) => graph.nodes[j].slug,
      ).includes(from);
    };
    const noFilter = parseCatalogFilter(() => undefined);
    const tierCount = async (tier: string) =>
      (await catalogFacets(t.db, noFilter)).tier.find((f) => f.value === tier)?.count ?? 0;
    // Readers in the background keep filling the caches with whatever version they saw.
    let stop = false;
    const background = Array.from({ length: 6 }, async () => {
      while (!stop) await Promise.all([dependencyGraph(t.db), catalogFacets(t.db, noFilter)]);
    });
    try {
      for (let round = 0; round < 8; round++) {
        const adding = round % 2 === 0;
        const pair = { slug: "cdn-edge", dependsOn: "refunds" };
        const changed = adding
          ? await executeCommand(addDependency, cliActor, pair)
          : await executeCommand(removeDependency, cliActor, pair);
        expect(changed.ok, JSON.stringify(changed)).toBe(true);
        const tier = adding ? "tier3" : "tier2";
        const tier3Before = await tierCount("tier3");
        const edited = await executeCommand(updateService, cliActor, { slug: "refunds", tier });
        expect(edited.ok).toBe(true);
        const reads = await Promise.all(
          Array.from({ length: 12 }, async () => ({
            graph: await dependencyGraph(t.db),
            tier3: await tierCount("tier3"),
          })),
        );
        for (const read of reads) {
          expect(edge(read.graph, "cdn-edge", "refunds")).toBe(adding);
          expect(read.tier3).toBe(tier3Before + (adding ? 1 : -1));
        }
      }
    } finally {
      stop = true;
      await Promise.all(background);
    }
  });
});
