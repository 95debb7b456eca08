import { beforeAll, describe, expect, it } from "vitest";
import { services } from "@/db/schema";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { edgesFrom } from "./edges";
import { parseCatalogFilter } from "./list-filter";
import { catalogFacets, listServices, memberTeamIds, scorecardRollup } from "./queries";
import { getServiceDetail } from "./service-queries";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  people = await demo(t.db);
});

const filter = (query: string) => {
  const p = new URLSearchParams(query);
  return parseCatalogFilter((k) => p.get(k) ?? undefined);
};
const page = { offset: 0, pageSize: 100 };

describe("catalog queries", () => {
  it("searches name, slug, description and tags by word prefix, best match first", async () => {
    const { items } = await listServices(t.db, filter("q=payme"), page);
    expect(items[0].slug).toBe("payments-api");
    expect(items.map((i) => i.slug)).toContain("refunds");
    expect((await listServices(t.db, filter("q=kafka"), page)).items.map((i) => i.slug)).toEqual([
      "event-bus",
    ]);
    expect((await listServices(t.db, filter("q=pci"), page)).items.map((i) => i.slug)).toEqual([
      "payments-api",
    ]);
    expect((await listServices(t.db, filter("q=%%%"), page)).total).toBe(0);
  });

  it("filters by every facet and counts each facet under the others", async () => {
    const f = filter("tier=tier0&domain=application");
    const { items, total } = await listServices(t.db, f, page);
    expect(total).toBe(items.length);
    expect(items.every((i) => i.tier === "tier0" && i.domain === "application")).toBe(true);
    const facets = await catalogFacets(t.db, f);
    // The tier facet ignores the tier filter itself but keeps the domain one.
    const applications = (await listServices(t.db, filter("domain=application"), page)).total;
    expect(facets.tier.reduce((n, x) => n + x.count, 0)).toBe(applications);
    expect(facets.tier.find((x) => x.value === "tier0")?.count).toBe(total);
    expect(facets.team.every((x) => x.label.length > 0)).toBe(true);
    expect(facets.tag.length).toBeGreaterThan(0);
  });

  it("filters by readiness level, staleness and my teams", async () => {
    const gold = await listServices(t.db, filter("level=gold"), page);
    expect(gold.total).toBeGreaterThan(0);
    expect(gold.items.every((i) => i.scorecardLevel === "gold")).toBe(true);
    const stale = await listServices(t.db, filter("stale=1"), page);
    const now = Date.now();
    expect(stale.items.every((i) => !i.verifiedAt || now - i.verifiedAt.getTime() > 90 * 86_400_000)).toBe(
      true,
    );
    const mine = await listServices(t.db, filter("mine=1"), page, {
      myTeamIds: await memberTeamIds(t.db, people.engineer.user.id),
    });
    expect(new Set(mine.items.map((i) => i.teamSlug))).toEqual(new Set(["payments", "checkout"]));
  });

  it("filters below a level and to the services no team owns", async () => {
    const all = (await listServices(t.db, filter(""), page)).items;
    const belowSilver = await listServices(t.db, filter("below=silver&tier=tier1"), page);
    const expected = all
      .filter((s) => s.tier === "tier1" && (s.scorecardLevel === "none" || s.scorecardLevel === "bronze"))
      .map((s) => s.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(belowSilver.items.map((s) => s.slug).sort()).toEqual(expected.sort());
    const belowGold = await listServices(t.db, filter("below=gold"), page);
    expect(belowGold.total).toBe(all.filter((s) => s.scorecardLevel !== "gold").length);
    const unowned = await listServices(t.db, filter("unowned=1"), page);
    expect(unowned.items.map((s) => s.slug)).toEqual(["fax-gateway"]);
    expect(unowned.items[0].teamSlug).toBeNull();
  });

  it("sorts by tier, readiness and staleness", async () => {
    const byTier = (await listServices(t.db, filter("sort=tier"), page)).items.map((i) => i.tier);
    expect(byTier).toEqual([...byTier].sort());
    const byLevel = (await listServices(t.db, filter("sort=level"), page)).items.map((i) => i.scorecardLevel);
    const rank = { gold: 0, silver: 1, bronze: 2, none: 3 } as Record<string, number>;
    expect(byLevel.map((l) => rank[l])).toEqual(byLevel.map((l) => rank[l]).sort());
  });

  it("computes the blast radius transitively, by tier", async () => {
    const detail = await getServiceDetail(t.db, "postgres-primary");
    const affected = detail!.radius.services.map((s) => s.slug);
    // payments-api depends on ledger which depends on postgres; storefront-web reaches it via cart-service → user-profile.
    expect(affected).toEqual(
      expect.arrayContaining(["ledger", "payments-api", "checkout-api", "storefront-web"]),
    );
    expect(affected).not.toContain("postgres-primary");
    expect(Object.values(detail!.radius.byTier).reduce((a, b) => a + b, 0)).toBe(detail!.radius.total);
    expect(detail!.downstream.map((d) => d.slug)).toContain("ledger");
    expect(detail!.upstream.map((d) => d.slug)).toEqual(["object-storage"]);
  });

  it("finds the shortest dependency cycle through a service, however it closes", async () => {
    const { addDependency } = await import("./dependency-commands");
    const { executeCommand } = await import("@/lib/command/execute");
    const { cliActor } = await import("@/lib/auth/actor");
    expect((await getServiceDetail(t.db, "object-storage"))!.radius.cycle).toBeNull();
    // object-storage → payments-api closes several cycles; the shortest returns via postgres-primary
    // (payments-api → postgres-primary → object-storage), not the longer ones via ledger or the event bus.
    const added = await executeCommand(addDependency, cliActor, {
      slug: "object-storage",
      dependsOn: "payments-api",
    });
    const cycle = added.ok ? added.data.cycle : null;
    expect(cycle).toEqual(["object-storage", "payments-api", "postgres-primary", "object-storage"]);
    const edges = await edgesFrom(
      t.db,
      (await t.db.select({ id: services.id }).from(services)).map((r) => r.id),
    );
    for (let i = 0; i + 1 < cycle!.length; i++) {
      expect(edges.some((e) => e.from === cycle![i] && e.to === cycle![i + 1])).toBe(true);
    }
    expect((await getServiceDetail(t.db, "object-storage"))!.radius.cycle).toEqual(cycle);
  });

  it("rolls the scorecard up per team and per tier", async () => {
    const byTeam = await scorecardRollup(t.db, "team");
    const payments = byTeam.find((r) => r.key === "payments")!;
    expect(payments.total).toBe(Object.values(payments.levels).reduce((a, b) => a + b, 0));
    expect(payments.passed).toBeLessThanOrEqual(payments.applicable);
    const byTier = await scorecardRollup(t.db, "tier");
    expect(byTier.map((r) => r.key)).toEqual(["tier0", "tier1", "tier2", "tier3"]);
    expect(byTier.reduce((n, r) => n + r.total, 0)).toBe((await listServices(t.db, filter(""), page)).total);
  });
});
