import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  evaluateScorecard,
  LEVEL_RANK,
  levelsBelow,
  RULES,
  type ScorecardInput,
  unmeasuredAt,
} from "./scorecard";

const NOW = new Date("2026-06-01T00:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

const complete: ScorecardInput = {
  ownerTeamId: "team",
  description: "Authorises every card payment for checkout.",
  repoUrl: "https://git.example/payments",
  runbookUrl: "https://runbooks.example/payments",
  onCall: "payments-primary",
  links: [{ title: "Dashboard", url: "https://grafana.example/d/x", kind: "dashboard" }],
  tier: "tier0",
  lifecycle: "production",
  rtoMinutes: 30,
  rpoMinutes: 5,
  lastDrTestAt: daysAgo(100),
  verifiedAt: daysAgo(10),
};

describe("production-readiness scorecard", () => {
  it("reaches gold when every measured rule passes, and counts the rules no domain measures yet", () => {
    const card = evaluateScorecard(complete, NOW);
    expect(card.level).toBe("gold");
    expect(card.nextLevel).toBeNull();
    const unmeasured = card.results.filter((r) => r.outcome === "unmeasured").map((r) => r.rule.id);
    expect(unmeasured.sort()).toEqual(["has-slo", "no-overdue-actions", "slos-met"]);
    expect(card.unmeasured).toBe(3);
    expect(card.passed).toBe(card.applicable);
    expect(card.applicable).toBe(RULES.length - 3);
  });

  it("a level counts only its own unmeasured rules and those below it", () => {
    const silver = evaluateScorecard({ ...complete, lastDrTestAt: null }, NOW);
    expect(silver.level).toBe("silver");
    expect(silver.unmeasured).toBe(1); // has-slo, given no SLO facts here; the gold ones are not claimed
    const bronze = evaluateScorecard({ ...complete, verifiedAt: null }, NOW);
    expect(bronze.unmeasured).toBe(0);
    expect([
      unmeasuredAt("none"),
      unmeasuredAt("bronze"),
      unmeasuredAt("silver"),
      unmeasuredAt("gold"),
    ]).toEqual([0, 0, 0, 0]); // every domain the rules read has landed: none awaits one
  });

  it("once a domain's facts exist its rules are measured, not unmeasured", () => {
    const card = evaluateScorecard({ ...complete, sloCount: 1, slosMet: true, overdueActionItems: 0 }, NOW);
    expect(card.level).toBe("gold");
    expect(card.unmeasured).toBe(0);
    expect(card.applicable).toBe(RULES.length);
  });

  it("levels below a level, lowest first", () => {
    expect(levelsBelow("silver")).toEqual(["none", "bronze"]);
    expect(levelsBelow("none")).toEqual([]);
  });

  it("stops at the first level with a failing rule and says how to fix it", () => {
    const card = evaluateScorecard({ ...complete, runbookUrl: null, lastDrTestAt: daysAgo(400) }, NOW);
    expect(card.level).toBe("bronze");
    expect(card.nextLevel?.level).toBe("silver");
    expect(card.nextLevel?.failing.map((r) => r.id)).toEqual(["has-runbook"]);
    expect(card.nextLevel?.failing[0].fix).toMatch(/runbook/i);
  });

  it("a level is reached only if the levels below are: gold rules passing cannot lift a bronze failure", () => {
    const card = evaluateScorecard({ ...complete, onCall: null }, NOW);
    expect(card.level).toBe("none");
    expect(card.nextLevel?.level).toBe("bronze");
  });

  it("DR tests and RTO/RPO only apply to tier 0 and 1", () => {
    const card = evaluateScorecard({ ...complete, tier: "tier2", lastDrTestAt: null, rtoMinutes: null }, NOW);
    expect(card.level).toBe("gold");
    expect(card.results.find((r) => r.rule.id === "dr-test-365d")?.outcome).toBe("n/a");
  });

  it("a verification older than 90 days fails silver", () => {
    expect(evaluateScorecard({ ...complete, verifiedAt: daysAgo(91) }, NOW).level).toBe("bronze");
    expect(evaluateScorecard({ ...complete, verifiedAt: null }, NOW).level).toBe("bronze");
  });

  it("an overdue action item costs gold, and only gold", () => {
    const facts = { sloCount: 1, slosMet: true };
    expect(evaluateScorecard({ ...complete, ...facts, overdueActionItems: 0 }, NOW).level).toBe("gold");
    const late = evaluateScorecard({ ...complete, ...facts, overdueActionItems: 2 }, NOW);
    expect(late.level).toBe("silver");
    expect(late.nextLevel?.failing.map((r) => r.id)).toEqual(["no-overdue-actions"]);
    expect(RULES.some((r) => r.awaits)).toBe(false);
  });

  it("once SLO facts exist they count", () => {
    expect(evaluateScorecard({ ...complete, sloCount: 0 }, NOW).level).toBe("bronze");
    expect(evaluateScorecard({ ...complete, sloCount: 2, slosMet: false }, NOW).level).toBe("silver");
  });

  it("every rule has an id, a title and a fix; ids are unique", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.title.length * r.fix.length).toBeGreaterThan(0);
  });

  it("fixing a failing rule never lowers the level (monotone)", () => {
    const arb = fc.record({
      ownerTeamId: fc.option(fc.constant("t"), { nil: null }),
      description: fc.constantFrom("", "short", "A description that is long enough."),
      repoUrl: fc.option(fc.constant("https://r"), { nil: null }),
      runbookUrl: fc.option(fc.constant("https://rb"), { nil: null }),
      onCall: fc.option(fc.constant("oc"), { nil: null }),
      links: fc
        .boolean()
        .map((has) => (has ? [{ title: "Dashboard", url: "https://d", kind: "dashboard" }] : [])),
      tier: fc.constantFrom("tier0" as const, "tier1" as const, "tier2" as const, "tier3" as const),
      lifecycle: fc.constant("production"),
      rtoMinutes: fc.option(fc.constant(30), { nil: null }),
      rpoMinutes: fc.option(fc.constant(5), { nil: null }),
      lastDrTestAt: fc.option(fc.integer({ min: 0, max: 800 }).map(daysAgo), { nil: null }),
      verifiedAt: fc.option(fc.integer({ min: 0, max: 200 }).map(daysAgo), { nil: null }),
      // The SLO and incident domains have landed: they measure every service.
      sloCount: fc.integer({ min: 0, max: 3 }),
      slosMet: fc.boolean(),
      overdueActionItems: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(arb, (generated) => {
        const s: ScorecardInput = generated;
        const before = evaluateScorecard(s, NOW);
        const improved = { ...s, ownerTeamId: "t", onCall: "oc", runbookUrl: "https://rb", verifiedAt: NOW };
        expect(LEVEL_RANK[evaluateScorecard(improved, NOW).level]).toBeGreaterThanOrEqual(
          LEVEL_RANK[before.level],
        );
        expect(before.passed).toBeLessThanOrEqual(before.applicable);
        // A stored level shows its unmeasured count without the service: both must agree.
        expect(before.unmeasured).toBe(unmeasuredAt(before.level));
      }),
    );
  });
});
