import { and, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { services, teams } from "@/db/schema";
import { DEMO_SLOS } from "@/db/seed/demo-slos";
import { parseCatalogFilter } from "@/lib/catalog/list-filter";
import { listServices } from "@/lib/catalog/queries";
import { scorecardRulePageRead, scorecardsPageRead } from "@/lib/catalog/reads";
import { levelShares, servicesWithUnmeasuredLevels } from "@/lib/catalog/rollup-math";
import { refreshScorecards } from "@/lib/catalog/scorecard-store";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { homePageRead } from "./reads";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
const DAY = 86_400_000;

const data = <T>(result: { ok: true; data: T } | { ok: false; code: string; error: string }) => {
  if (!result.ok) throw new Error(`${result.code}: ${result.error}`);
  return result.data;
};
const live = () => t.db.select().from(services).where(isNull(services.archivedAt));
const catalogTotal = async (href: string) => {
  const params = new URLSearchParams(href.split("?")[1] ?? "");
  return (
    await listServices(
      t.db,
      parseCatalogFilter((k) => params.get(k) ?? undefined),
      { offset: 0, pageSize: 1 },
    )
  ).total;
};

beforeAll(async () => {
  people = await demo(t.db);
  // A gold service of the engineer's team and one of another team go stale: only the first is theirs.
  const stale = new Date(Date.now() - 200 * DAY);
  await t.db
    .update(services)
    .set({ verifiedAt: stale })
    .where(inArray(services.slug, ["payments-api", "cdn-edge"]));
  await refreshScorecards(t.db);
});

describe("the engineer's queue", () => {
  it("lists exactly their teams' services failing a rule, most critical tier first", async () => {
    const home = data(await runQuery(homePageRead, people.engineer, {}));
    const queue = home.queue!;
    const [payments, checkout] = await Promise.all(
      ["payments", "checkout"].map(
        async (slug) => (await t.db.select().from(teams).where(eq(teams.slug, slug)))[0],
      ),
    );
    const theirs = await t.db
      .select()
      .from(services)
      .where(and(isNull(services.archivedAt), inArray(services.ownerTeamId, [payments.id, checkout.id])));
    const expected = theirs.filter((s) => s.scorecardLevel !== "gold").map((s) => s.slug);
    expect(expected.length).toBeGreaterThan(1);
    expect(queue.total).toBe(expected.length);
    expect(queue.items.map((i) => i.slug).sort()).toEqual(expected.slice(0, 15).sort());
    expect(queue.items.map((i) => i.slug)).not.toContain("cdn-edge");
    const tiers = queue.items.map((i) => i.tier);
    expect(tiers).toEqual([...tiers].sort());
    // The "all of them" link lists the same services in the catalog.
    expect(await catalogTotal(queue.href.replace("mine=1&", ""))).toBeGreaterThanOrEqual(queue.total);
  });

  it("names each failing rule with the step that fixes it and where", async () => {
    const queue = data(await runQuery(homePageRead, people.engineer, {})).queue!;
    const paymentsApi = queue.items.find((i) => i.slug === "payments-api")!;
    expect(paymentsApi.tier).toBe("tier0");
    // Whether its SLOs are met depends on the hour: the demo's bad deploy burns against a day's traffic curve.
    expect(paymentsApi.failing).toContainEqual(
      expect.objectContaining({ id: "verified-90d", fixAt: "verify", fix: expect.stringMatching(/Verify/) }),
    );
    expect(paymentsApi.failing.map((f) => f.id).filter((id) => id !== "slos-met")).toEqual(["verified-90d"]);
    const rows = await live();
    for (const item of queue.items) {
      const row = rows.find((r) => r.slug === item.slug)!;
      const ids = item.failing.map((f) => f.id);
      expect(ids.includes("has-on-call")).toBe(!row.onCall);
      expect(ids.includes("has-runbook")).toBe(!row.runbookUrl);
      expect(
        item.failing.every((f) => f.fix.length > 0 && ["edit", "verify", "slo", "actions"].includes(f.fixAt)),
      ).toBe(true);
      // A service without SLOs is sent to its SLOs to define one.
      if (ids.includes("has-slo")) expect(item.failing.find((f) => f.id === "has-slo")?.fixAt).toBe("slo");
    }
  });

  it("is empty for someone on no team, and the viewer's home has none", async () => {
    const viewer = data(await runQuery(homePageRead, people.viewer, {}));
    expect(viewer.queue).toBeNull();
    expect(viewer.sections).toEqual(["readiness"]);
    const asEngineer = data(await runQuery(homePageRead, people.viewer, { as: "engineer" }));
    expect(asEngineer.queue).toMatchObject({ items: [], total: 0 });
  });
});

describe("the executive's readiness", () => {
  it("splits every live service by tier and by team into shares that add up", async () => {
    const readiness = data(await runQuery(homePageRead, people.viewer, {})).readiness!;
    const total = (await live()).length;
    expect(readiness.total).toBe(total);
    for (const rows of [readiness.byTier, readiness.byTeam]) {
      expect(rows.reduce((n, r) => n + r.total, 0)).toBe(total);
      for (const row of rows) {
        expect(Object.values(row.levels).reduce((a, b) => a + b, 0)).toBe(row.total);
        expect(Object.values(levelShares(row.levels, row.total)).reduce((a, b) => a + b, 0)).toBe(100);
      }
    }
    expect(readiness.byTeam.find((r) => r.key === "unowned")?.total).toBe(1);
  });

  it("counts each signal under the catalog filter its link opens", async () => {
    const { signals } = data(await runQuery(homePageRead, people.viewer, {})).readiness!;
    expect(signals.map((s) => s.key)).toEqual([
      "tier0-below-silver",
      "tier1-below-silver",
      "stale",
      "unowned",
    ]);
    const rows = await live();
    const belowSilver = (tier: string) =>
      rows.filter((r) => r.tier === tier && (r.scorecardLevel === "none" || r.scorecardLevel === "bronze"))
        .length;
    const byKey = Object.fromEntries(signals.map((s) => [s.key, s]));
    expect(byKey["tier0-below-silver"].count).toBe(belowSilver("tier0"));
    expect(byKey["tier1-below-silver"].count).toBe(belowSilver("tier1"));
    expect(byKey.unowned).toMatchObject({ count: 1, href: "/services?unowned=1&sort=tier" });
    expect(byKey.stale.count).toBe(
      rows.filter((r) => !r.verifiedAt || Date.now() - r.verifiedAt.getTime() > 90 * DAY).length,
    );
    for (const s of signals) expect(await catalogTotal(s.href)).toBe(s.count);
  });
});

describe("the scorecards page", () => {
  it("counts each rule's outcomes over every live service, unmeasured rules included", async () => {
    const page = data(await runQuery(scorecardsPageRead, people.viewer, {}));
    const rows = await live();
    const byId = Object.fromEntries(page.rules.map((r) => [r.rule.id, r]));
    for (const r of page.rules) expect(r.pass + r.fail + r["n/a"] + r.unmeasured).toBe(rows.length);
    // SLOs are measured now: a service has at least one, or fails the rule (the demo seeds 11 services' SLOs).
    expect(byId["has-slo"].unmeasured).toBe(0);
    expect(byId["has-slo"].pass).toBe(new Set(DEMO_SLOS.map((s) => s.service)).size);
    // Action items are measured too: the demo has none, so none is overdue anywhere.
    expect(byId["no-overdue-actions"].unmeasured).toBe(0);
    expect(byId["no-overdue-actions"].pass).toBe(rows.length);
    expect(byId["has-runbook"].fail).toBe(rows.filter((r) => !r.runbookUrl).length);
    expect(byId["dr-test-365d"]["n/a"]).toBe(
      rows.filter((r) => r.tier === "tier2" || r.tier === "tier3").length,
    );
    // Every rule is measured now, so no level counts a rule nobody checked.
    const levels = page.byTier.reduce(
      (acc, r) => {
        for (const [l, n] of Object.entries(r.levels)) acc[l] = (acc[l] ?? 0) + n;
        return acc;
      },
      {} as Record<string, number>,
    );
    const silverOrGold = rows.filter(
      (r) => r.scorecardLevel === "silver" || r.scorecardLevel === "gold",
    ).length;
    expect(silverOrGold).toBeGreaterThan(0);
    expect(servicesWithUnmeasuredLevels(levels)).toBe(0);
  });

  it("recounts the rules as soon as the catalog changes, though the counts are cached", async () => {
    const failingRunbook = async () =>
      data(await runQuery(scorecardsPageRead, people.viewer, {})).rules.find(
        (r) => r.rule.id === "has-runbook",
      )!.fail;
    const before = await failingRunbook();
    await t.db.update(services).set({ runbookUrl: null }).where(eq(services.slug, "ledger"));
    expect(await failingRunbook()).toBe(before + 1);
    await t.db
      .update(services)
      .set({ runbookUrl: "https://runbooks.pharos.demo/ledger" })
      .where(eq(services.slug, "ledger"));
    expect(await failingRunbook()).toBe(before);
  });

  it("drills into the services failing a rule", async () => {
    const owner = data(await runQuery(scorecardRulePageRead, people.viewer, { rule: "has-owner" }));
    expect(owner.items.map((i) => i.slug)).toEqual(["fax-gateway"]);
    const verified = data(await runQuery(scorecardRulePageRead, people.viewer, { rule: "verified-90d" }));
    expect(verified.items.map((i) => i.slug)).toEqual(expect.arrayContaining(["payments-api", "cdn-edge"]));
    expect(verified.total).toBe(
      data(await runQuery(homePageRead, people.viewer, {})).readiness!.signals.find((s) => s.key === "stale")!
        .count,
    );
    expect(await runQuery(scorecardRulePageRead, people.viewer, { rule: "no-such-rule" })).toMatchObject({
      code: "not_found",
    });
  });
});
