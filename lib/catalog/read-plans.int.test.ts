import { and, type SQLWrapper, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Queryable } from "@/db/client";
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
  "Index Name"?: string;
  Output?: string[];
  Plans?: PlanNode[];
};
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** PostgreSQL's plan of a query, as it ran (EXPLAIN ANALYZE), every node in a list. */
async function plan(
  query: SQLWrapper,
  options = sql`analyze, format json`,
  db: Pick<Queryable, "execute"> = t.db,
): Promise<PlanNode[]> {
  const result = (await db.execute(sql`explain (${options}) ${query}`)) as unknown;
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

describe("search", () => {
  const q = parseCatalogFilter((k) => (k === "q" ? "pay" : undefined));
  const page = () =>
    servicePageRows(
      t.db,
      columns,
      q,
      { offset: 0, pageSize: 20 },
      and(...conditions(q, { now: new Date() })),
    );

  it("ranks by the stored search document instead of rebuilding it for every match", async () => {
    const outputs = (await plan(page(), sql`verbose, format json`)).flatMap((n) => n.Output ?? []);
    expect(outputs.some((o) => o.includes("search_vector"))).toBe(true);
    expect(outputs.filter((o) => o.includes("to_tsvector"))).toEqual([]);
  });

  it("finds matches through the search index", async () => {
    const [, match] = conditions(q, { now: new Date() });
    // Only a bitmap scan is left to the planner, and only an index on the match can serve one.
    // SET LOCAL in a transaction: on PostgreSQL the pool could run the EXPLAIN elsewhere.
    const indexes = await t.db.transaction(async (tx) => {
      for (const scan of ["seqscan", "indexscan", "indexonlyscan"])
        await tx.execute(sql.raw(`set local enable_${scan} = off`));
      const matching = tx.select({ id: services.id }).from(services).where(match);
      return (await plan(matching, sql`analyze, format json`, tx)).map((n) => n["Index Name"]);
    });
    expect(indexes).toContain("services_search_idx");
  });

  it("keeps the document in step with edits", async () => {
    const before = await listServices(
      t.db,
      parseCatalogFilter((k) => (k === "q" ? "zebrafish" : undefined)),
      {
        offset: 0,
        pageSize: 5,
      },
    );
    expect(before.total).toBe(0);
    await t.db.execute(sql`update services set description = 'Feeds the zebrafish' where slug = 'cdn-edge'`);
    const after = await listServices(
      t.db,
      parseCatalogFilter((k) => (k === "q" ? "zebrafish" : undefined)),
      {
        offset: 0,
        pageSize: 5,
      },
    );
    expect(after.items.map((i) => i.slug)).toEqual(["cdn-edge"]);
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
