import { beforeAll, describe, expect, it } from "vitest";
import { call, send, tokenFor } from "@/tests/api/helpers";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { parseCatalogFilter } from "./list-filter";
import { catalogFacets, searchServices } from "./queries";

const t = withTestDatabase();
beforeAll(async () => {
  await demo(t.db);
});

const filter = (params: Record<string, string>) => parseCatalogFilter((k) => params[k]);
const page = { offset: 0, pageSize: 20 };

describe("search that forgives a typo", () => {
  it("answers a search full text cannot match with the most similar names, marked as such", async () => {
    const found = await searchServices(t.db, filter({ q: "legder" }), page);
    expect(found.similar).toBe(true);
    expect(found.items[0].slug).toBe("ledger");
    expect(found.total).toBe(found.items.length);
  });

  it("keeps full-text results when there are any", async () => {
    const found = await searchServices(t.db, filter({ q: "ledger" }), page);
    expect(found.similar).toBe(false);
    expect(found.items.map((i) => i.slug)).toContain("ledger");
  });

  it("finds nothing for a word like no name, rather than everything", async () => {
    const found = await searchServices(t.db, filter({ q: "qzxjvw" }), page);
    expect(found).toMatchObject({ similar: true, total: 0, items: [] });
  });

  it("keeps the other filters, and counts facets over the similar results", async () => {
    const tier3 = await searchServices(t.db, filter({ q: "legder", tier: "tier3" }), page);
    expect(tier3.items.map((i) => i.slug)).not.toContain("ledger");
    const found = await searchServices(t.db, filter({ q: "legder" }), page);
    const facets = await catalogFacets(t.db, found.filter);
    expect(facets.tier.reduce((n, f) => n + f.count, 0)).toBe(found.total);
    expect((await catalogFacets(t.db, filter({ q: "legder" }))).tier).toEqual([]);
  });

  it("says so in the API's answer", async () => {
    const { token } = await tokenFor(t.db, "viewer");
    const body = await (await send("GET", call("/api/v1/services?q=legder&facets=true", { token }))).json();
    expect(body.similar).toBe(true);
    expect(body.items[0].slug).toBe("ledger");
    expect(body.facets.tier.length).toBeGreaterThan(0);
    const exact = await (await send("GET", call("/api/v1/services?q=ledger", { token }))).json();
    expect(exact.similar).toBeUndefined();
  });
});
