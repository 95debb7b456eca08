import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services } from "@/db/schema";
import { catalogHref } from "@/lib/catalog/href";
import { scoredServices } from "@/lib/catalog/rule-stats";
import { LEVEL_RANK } from "@/lib/catalog/scorecard";

const QUEUE_LENGTH = 15;

/**
 * What the caller's teams' services need: every live service failing a readiness rule (a stale
 * verification, no on-call, no runbook, …), each failing rule with the one step that fixes it
 * and where. Most urgent first: the lowest tier number, then the lowest level, then the name.
 * A service failing no rule is gold, so "all of them" is the catalog's `below=gold` list.
 */
export async function workQueue(db: Queryable, teamIds: string[], now = new Date()) {
  const all = { href: catalogHref({ mine: true, below: "gold", sort: "tier" }) };
  if (!teamIds.length) return { items: [], total: 0, ...all };
  const scored = await scoredServices(db, inArray(services.ownerTeamId, teamIds), now);
  const needing = scored
    .map((s) => ({
      slug: s.service.slug,
      name: s.service.name,
      tier: s.service.tier,
      level: s.card.level,
      teamName: s.teamName,
      failing: s.card.results
        .filter((r) => r.outcome === "fail")
        .map(({ rule }) => ({ id: rule.id, title: rule.title, fix: rule.fix, fixAt: rule.fixAt })),
    }))
    .filter((s) => s.failing.length > 0)
    .sort(
      (a, b) =>
        a.tier.localeCompare(b.tier) ||
        LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
        a.name.localeCompare(b.name),
    );
  return { items: needing.slice(0, QUEUE_LENGTH), total: needing.length, ...all };
}
