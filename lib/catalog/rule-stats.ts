import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services, teams } from "@/db/schema";
import { RULES, type Rule, type RuleOutcome } from "./scorecard";
import { scoreService } from "./scorecard-store";

/**
 * Live services with their owning team, each scored by the rules of scorecard.ts, so every
 * count and list here agrees with the service page. Scored in the process rather than in SQL:
 * the rules stay in one place (≈10 ms for 10,000 services), and "verified in 90 days" moves
 * with the clock, so there is nothing to cache against the catalog version.
 */
export async function scoredServices(db: Queryable, where?: SQL, now = new Date()) {
  const rows = await db
    .select({ service: services, teamSlug: teams.slug, teamName: teams.name })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(and(isNull(services.archivedAt), where))
    .orderBy(asc(services.tier), asc(services.name), asc(services.id));
  return rows.map((r) => ({ ...r, card: scoreService(r.service, now) }));
}

export type RuleCounts = { rule: Rule } & Record<RuleOutcome, number>;

/** Per rule, how many live services pass, fail, are out of its scope, or are not measured. */
export async function ruleStats(db: Queryable, now = new Date()): Promise<RuleCounts[]> {
  const scored = await scoredServices(db, undefined, now);
  return RULES.map((rule, i) => {
    const counts: RuleCounts = { rule, pass: 0, fail: 0, "n/a": 0, unmeasured: 0 };
    for (const s of scored) counts[s.card.results[i].outcome] += 1;
    return counts;
  });
}

/** The live services failing one rule, most critical tier first, a page at a time. */
export async function ruleFailures(
  db: Queryable,
  ruleId: string,
  paging: { offset: number; pageSize: number },
  now = new Date(),
) {
  const index = RULES.findIndex((r) => r.id === ruleId);
  if (index < 0) return null;
  const failing = (await scoredServices(db, undefined, now)).filter(
    (s) => s.card.results[index].outcome === "fail",
  );
  return {
    rule: RULES[index],
    total: failing.length,
    items: failing.slice(paging.offset, paging.offset + paging.pageSize).map((s) => ({
      slug: s.service.slug,
      name: s.service.name,
      tier: s.service.tier,
      level: s.service.scorecardLevel,
      teamSlug: s.teamSlug,
      teamName: s.teamName,
    })),
  };
}
