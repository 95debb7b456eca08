import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { serviceDependencies, services, teams } from "@/db/schema";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { parseCatalogFilter } from "./list-filter";
import { listServicesJson, serviceJson, serviceJsonText, servicesJson } from "./service-json";

const t = withTestDatabase();
beforeAll(async () => {
  await demo(t.db);
  // Every field set, with text that JSON must escape, and a time with microseconds.
  await t.db
    .update(services)
    .set({
      description: 'Quotes " and \\ backslashes,\nnew lines, tabs\t, ünïcödé and 🛰',
      links: [{ url: "https://example.com/a?b=c&d", title: 'Docs — "quoted"' }],
      annotations: { "backstage.io/techdocs-ref": "dir:.", "pharos/ä": "√" },
      rtoMinutes: 30,
      rpoMinutes: 5,
      lastDrTestAt: new Date("2026-03-04T05:06:07.089Z"),
      verifiedAt: new Date("2026-11-30T23:59:59.999Z"),
      system: "payments-core",
      businessDomain: "money",
    })
    .where(eq(services.slug, "ledger"));
  await t.db.execute(
    sql`update services set updated_at = '2026-12-01 10:11:12.345678+00' where slug = 'ledger'`,
  );
  await t.db.update(services).set({ archivedAt: new Date() }).where(eq(services.slug, "cdn-edge"));
});

/** What the API promises of a service, built here from the rows as a JavaScript client would. */
async function expected(slug: string) {
  const [row] = await t.db
    .select({ service: services, team: teams.slug })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(services.slug, slug));
  const s = row.service;
  const deps = await t.db
    .select({ slug: services.slug })
    .from(serviceDependencies)
    .innerJoin(services, eq(services.id, serviceDependencies.dependsOnId))
    .where(eq(serviceDependencies.serviceId, s.id));
  const date = (d: Date | null) => (d ? d.toJSON() : null);
  return {
    slug: s.slug,
    name: s.name,
    description: s.description,
    ownerTeam: row.team,
    tier: s.tier,
    lifecycle: s.lifecycle,
    domain: s.domain,
    repoUrl: s.repoUrl,
    runbookUrl: s.runbookUrl,
    onCall: s.onCall,
    links: s.links,
    tags: s.tags,
    dependsOn: deps.map((d) => d.slug).sort(),
    rtoMinutes: s.rtoMinutes,
    rpoMinutes: s.rpoMinutes,
    lastDrTestAt: date(s.lastDrTestAt),
    verifiedAt: date(s.verifiedAt),
    system: s.system,
    businessDomain: s.businessDomain,
    annotations: s.annotations,
    scorecardLevel: s.scorecardLevel,
    archived: s.archivedAt !== null,
    createdAt: date(s.createdAt),
    updatedAt: date(s.updatedAt),
  };
}

describe("a service as JSON, written by the database", () => {
  it("is exactly what the rows say, field by field and in the documented order", async () => {
    for (const slug of ["ledger", "cdn-edge", "public-dns"]) {
      const text = (await serviceJsonText(t.db, slug))!.text;
      const want = await expected(slug);
      expect(JSON.parse(text)).toEqual(want);
      expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(want));
    }
  });

  it("writes times as Date.toJSON does, cut to the millisecond in UTC", async () => {
    const ledger = (await serviceJson(t.db, "ledger"))!;
    expect(ledger.updatedAt).toBe("2026-12-01T10:11:12.345Z");
    expect(ledger.lastDrTestAt).toBe("2026-03-04T05:06:07.089Z");
    expect(ledger.verifiedAt).toBe("2026-11-30T23:59:59.999Z");
    expect(ledger.archived).toBe(false);
    expect((await serviceJson(t.db, "cdn-edge"))!.archived).toBe(true);
  });

  it("is null for a service that does not exist", async () => {
    expect(await serviceJsonText(t.db, "no-such-service")).toBeNull();
  });

  it("keeps the order asked for, for several services", async () => {
    const got = await servicesJson(t.db, ["public-dns", "ledger", "missing", "cdn-edge"]);
    expect(got.map((s) => s.slug)).toEqual(["public-dns", "ledger", "cdn-edge"]);
  });

  it("lays a page's services side by side as one valid JSON array", async () => {
    const all = parseCatalogFilter(() => undefined);
    const { items, total } = await listServicesJson(t.db, all, { offset: 0, pageSize: 500 });
    const parsed = items.value();
    expect(parsed).toHaveLength(total);
    const live = await t.db
      .select({ slug: services.slug })
      .from(services)
      .where(sql`${services.archivedAt} is null`)
      .orderBy(asc(services.name), asc(services.id));
    expect(parsed.map((s) => s.slug)).toEqual(live.map((s) => s.slug));
    const ledger = parsed.find((s) => s.slug === "ledger");
    expect(ledger).toEqual(await expected("ledger"));
  });
});
