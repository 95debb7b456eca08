import { and, isNull, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services, teams } from "@/db/schema";
import { versionedCache } from "./catalog-version";
import { RULES, type Rule, type RuleOutcome } from "./scorecard";
import { loadFacts, scorecardColumns, scoreService } from "./scorecard-store";

/**
 * Live services scored by the rules of scorecard.ts, so every count and list here agrees with
 * the service page, most critical tier first, then by name. Scored in the process rather than
 * in SQL so the rules stay in one place. One flat select of the rules' columns and a map of the
 * (few) teams: joining and sorting 10,000 rows in the query cost five times as much.
 */
export async function scoredServices(db: Queryable, where?: SQL, now = new Date()) {
  const [rows, teamRows, facts] = await Promise.all([
    db
      .select({
        ...scorecardColumns,
        slug: services.slug,
        name: services.name,
        level: services.scorecardLevel,
      })
      .from(services)
      .where(and(isNull(services.archivedAt), where)),
    db.select({ id: teams.id, slug: teams.slug, name: teams.name }).from(teams),
    loadFacts(db, undefined, now),
  ]);
  const teamById = new Map(teamRows.map((t) => [t.id, t]));
  return rows
    .sort((a, b) => a.tier.localeCompare(b.tier) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((service) => {
      const team = service.ownerTeamId ? teamById.get(service.ownerTeamId) : undefined;
      return {
        service,
        teamSlug: team?.slug ?? null,
        teamName: team?.name ?? null,
        card: scoreService(service, now, facts),
      };
    });
}

export type RuleCounts = { rule: Rule } & Record<RuleOutcome, number>;

const statsCache = versionedCache<RuleCounts[]>(4);

/**
 * Per rule, how many live services pass, fail, are out of its scope, or are not measured.
 * Kept until the catalog changes or the hour turns: scoring 10,000 services is a second of
 * work, and the rules that move with the clock (verification, DR test age) are as fresh as the
 * stored levels, which the hourly job recomputes.
 */
export function ruleStats(db: Queryable, now = new Date()): Promise<RuleCounts[]> {
  const hour = now.toISOString().slice(0, 13);
  return statsCache(db, hour, async () => {
    const scored = await scoredServices(db, undefined, now);
    return RULES.map((rule, i) => {
      const counts: RuleCounts = { rule, pass: 0, fail: 0, "n/a": 0, unmeasured: 0 };
      for (const s of scored) counts[s.card.results[i].outcome] += 1;
      return counts;
    });
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
      level: s.service.level,
      teamSlug: s.teamSlug,
      teamName: s.teamName,
    })),
  };
}
