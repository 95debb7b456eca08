import { and, type SQLWrapper, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceDependencies, services } from "@/db/schema";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { parseCatalogFilter } from "./list-filter";
import { catalogFacets, conditions, facetCountQuery, listServices, servicePageRows } from "./queries";

const t = withTestDatabase();
beforeAll(async () => {
  await demo(t.db);
});

const all = parseCatalogFilter(() => undefined);
/** A column that costs a subquery per row, like the JSON's dependencies. */
const columns = {
  slug: services.slug,
  dependencies: sql<number>`(select count(*) from ${serviceDependencies} d where d.service_id = ${services.id})`,
};

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Loops"?: number;
  "Subplan Name"?: string;
  Plans?: PlanNode[];
};
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** PostgreSQL's plan of a query, as it ran (EXPLAIN ANALYZE), every node in a list. */
async function plan(query: SQLWrapper): Promise<PlanNode[]> {
  const result = (await t.db.execute(sql`explain (analyze, format json) ${query}`)) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  const cell = Object.values(rows[0] as Record<string, unknown>)[0];
  const [{ Plan }] = (typeof cell === "string" ? JSON.parse(cell) : cell) as [{ Plan: PlanNode }];
  return nodes(Plan);
}

describe("a page of services", () => {
  it("reads its columns for the page's rows alone, not for every row the offset skips", async () => {
    const where = and(...conditions(all, { now: new Date() }));
    const page = servicePageRows(t.db, columns, all, { offset: 20, pageSize: 5 }, where);
    const subplan = (await plan(page)).find(
      (n) => n["Subplan Name"]?.startsWith("SubPlan") && n["Actual Loops"],
    );
    expect(subplan?.["Actual Loops"]).toBe(5);
  });

  it("pages in the list's order, every service once", async () => {
    const { items, total } = await listServices(t.db, all, { offset: 0, pageSize: 1000 });
    expect(items.length).toBe(total);
    const paged = [];
    for (let offset = 0; offset < total; offset += 7)
      paged.push(...(await listServices(t.db, all, { offset, pageSize: 7 })).items);
    expect(paged.map((i) => i.slug)).toEqual(items.map((i) => i.slug));
  });

  it("keeps a filtered, ranked page in its order", async () => {
    const q = parseCatalogFilter((k) => (k === "q" ? "pay" : undefined));
    const whole = await listServices(t.db, q, { offset: 0, pageSize: 100 });
    const second = await listServices(t.db, q, { offset: 1, pageSize: 2 });
    expect(second.items.map((i) => i.slug)).toEqual(whole.items.slice(1, 3).map((i) => i.slug));
    expect(second.total).toBe(whole.total);
  });
});

describe("facet counts", () => {
  const where = and(...conditions(all, { now: new Date() }));
  const relations = async (query: SQLWrapper) =>
    (await plan(query)).map((n) => n["Relation Name"]).filter((r): r is string => Boolean(r));

  it("read the teams table only for the team facet", async () => {
    expect(await relations(facetCountQuery(t.db, ["lifecycle", "tier"], where))).not.toContain("teams");
    expect(await relations(facetCountQuery(t.db, ["team"], where))).toContain("teams");
  });

  it("still name each team and count every live service", async () => {
    const facets = await catalogFacets(
      t.db,
      parseCatalogFilter(() => undefined),
    );
    const live = (await listServices(t.db, all, { offset: 0, pageSize: 1 })).total;
    expect(facets.lifecycle.reduce((n, f) => n + f.count, 0)).toBe(live);
    expect(facets.team.find((f) => f.value === "payments")?.label).toBe("Payments");
  });
});
