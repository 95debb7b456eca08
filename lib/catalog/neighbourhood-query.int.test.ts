import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceDependencies, services, teams } from "@/db/schema";
import { withTestDatabase } from "@/tests/database";
import type { HopGraph } from "./neighbourhood";
import { dependencyNeighbourhood, PER_COLUMN } from "./neighbourhood-query";

const t = withTestDatabase();
const ids = new Map<string, string>();

/*
 * `a>b` is "a depends on b". Upstream of c runs c>u1>u2>u3>u4, and u3>c closes a cycle
 * through c, so u1…u3 are also downstream of it; downstream runs d4>d3>d2>d1>c. s is one hop
 * up, and u2>s is an edge back towards the centre. hub has more dependents than a column sends.
 */
const EDGES = ["c>u1", "c>s", "u1>u2", "u2>u3", "u3>u4", "u3>c", "u2>s", "d1>c", "d2>d1", "d3>d2", "d4>d3"];
const FANS = Array.from({ length: PER_COLUMN + 5 }, (_, i) => `fan-${String(i).padStart(2, "0")}`);

beforeAll(async () => {
  const [team] = await t.db.insert(teams).values({ slug: "graph", name: "Graph" }).returning();
  const slugs = [...new Set([...EDGES.flatMap((e) => e.split(">")), "hub", ...FANS])];
  const rows = await t.db
    .insert(services)
    .values(slugs.map((slug) => ({ slug, name: slug.toUpperCase(), ownerTeamId: team.id })))
    .returning({ id: services.id, slug: services.slug });
  for (const r of rows) ids.set(r.slug, r.id);
  const pairs = [...EDGES.map((e) => e.split(">")), ...FANS.map((f) => [f, "hub"])];
  await t.db
    .insert(serviceDependencies)
    .values(pairs.map(([from, to]) => ({ serviceId: ids.get(from)!, dependsOnId: ids.get(to)! })));
});

const around = (slug: string, hops: number) =>
  dependencyNeighbourhood(t.db, { serviceId: ids.get(slug)!, hops });
const side = (g: HopGraph, s: "up" | "down") =>
  g.nodes
    .filter((n) => n.side === s)
    .map((n) => `${n.slug}@${n.hop}`)
    .sort();
const edges = (g: HopGraph) => g.edges.map(([from, to, s]) => `${s}:${from}>${to}`).sort();

describe("the service page's neighbourhood query", () => {
  it("reaches one hop each way", async () => {
    const g = await around("c", 1);
    expect(g.hops).toBe(1);
    expect(side(g, "up")).toEqual(["s@1", "u1@1"]);
    expect(side(g, "down")).toEqual(["d1@1", "u3@1"]);
    expect(edges(g)).toEqual(["down:d1>c", "down:u3>c", "up:c>s", "up:c>u1"]);
    expect(g.nodes.find((n) => n.slug === "u1")).toMatchObject({
      name: "U1",
      tier: "tier2",
      teamSlug: "graph",
      teamName: "Graph",
    });
  });

  it("reaches two hops, placing each service at its shortest distance", async () => {
    const g = await around("c", 2);
    expect(side(g, "up")).toEqual(["s@1", "u1@1", "u2@2"]);
    expect(side(g, "down")).toEqual(["d1@1", "d2@2", "u2@2", "u3@1"]);
    // u2>s points back at the first column, so it is not one of the edges drawn between columns.
    expect(edges(g)).toEqual([
      "down:d1>c",
      "down:d2>d1",
      "down:u2>u3",
      "down:u3>c",
      "up:c>s",
      "up:c>u1",
      "up:u1>u2",
    ]);
  });

  it("stops at three hops, through a cycle, without ever listing the centre", async () => {
    const g = await around("c", 3);
    expect(side(g, "up")).toEqual(["s@1", "u1@1", "u2@2", "u3@3"]);
    expect(side(g, "down")).toEqual(["d1@1", "d2@2", "d3@3", "u1@3", "u2@2", "u3@1"]);
    expect(g.nodes.some((n) => n.slug === "c" || n.slug === "u4" || n.slug === "d4")).toBe(false);
    expect(edges(g)).toEqual([
      "down:d1>c",
      "down:d2>d1",
      "down:d3>d2",
      "down:u1>u2",
      "down:u2>u3",
      "down:u3>c",
      "up:c>s",
      "up:c>u1",
      "up:u1>u2",
      "up:u2>u3",
    ]);
    expect(g.columns).toEqual([
      { side: "up", hop: 1, total: 2 },
      { side: "up", hop: 2, total: 1 },
      { side: "up", hop: 3, total: 1 },
      { side: "down", hop: 1, total: 2 },
      { side: "down", hop: 2, total: 2 },
      { side: "down", hop: 3, total: 2 },
    ]);
  });

  it("clamps the depth to 1–3", async () => {
    expect((await around("c", 0)).hops).toBe(1);
    expect(side(await around("c", 9), "up")).toEqual(side(await around("c", 3), "up"));
  });

  it("sends a crowded column's first services and counts all of them", async () => {
    const g = await around("hub", 1);
    expect(g.nodes).toHaveLength(PER_COLUMN);
    expect(g.nodes.map((n) => n.slug)).toEqual(FANS.slice(0, PER_COLUMN));
    expect(g.columns).toEqual([{ side: "down", hop: 1, total: FANS.length }]);
    // Edges reach only the services that were sent.
    expect(g.edges).toHaveLength(PER_COLUMN);
  });

  it("answers for a service with no dependencies at all", async () => {
    const [lone] = await t.db
      .insert(services)
      .values({ slug: "lone", name: "Lone" })
      .returning({ id: services.id });
    expect(await dependencyNeighbourhood(t.db, { serviceId: lone.id, hops: 3 })).toEqual({
      hops: 3,
      nodes: [],
      edges: [],
      columns: [],
    });
    await t.db.delete(services).where(inArray(services.id, [lone.id]));
  });
});
