import { and, count } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services } from "@/db/schema";
import { catalogHref } from "@/lib/catalog/href";
import type { CatalogFilter } from "@/lib/catalog/list-filter";
import { conditions, scorecardRollup } from "@/lib/catalog/queries";

/**
 * The numbers an executive asks first, each with the catalog filter that lists the services
 * behind it: the count is taken under that very filter, so a click shows exactly that many.
 */
const SIGNALS: { key: string; label: string; filter: CatalogFilter }[] = [
  {
    key: "tier0-below-silver",
    label: "Tier 0 below silver",
    filter: { tier: "tier0", below: "silver", sort: "name" },
  },
  {
    key: "tier1-below-silver",
    label: "Tier 1 below silver",
    filter: { tier: "tier1", below: "silver", sort: "name" },
  },
  { key: "stale", label: "Not verified in 90 days", filter: { stale: true, sort: "tier" } },
  { key: "unowned", label: "Owned by no team", filter: { unowned: true, sort: "tier" } },
];

async function countWhere(db: Queryable, filter: CatalogFilter, now: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(services)
    .where(and(...conditions(filter, { now })));
  return row.n;
}

/** Readiness by tier and by team, and the signals above with their catalog links. */
export async function readinessOverview(db: Queryable, now = new Date()) {
  const [byTier, byTeam, signals] = await Promise.all([
    scorecardRollup(db, "tier"),
    scorecardRollup(db, "team"),
    Promise.all(
      SIGNALS.map(async (s) => ({
        key: s.key,
        label: s.label,
        count: await countWhere(db, s.filter, now),
        href: catalogHref(s.filter),
      })),
    ),
  ]);
  return { byTier, byTeam, signals, total: byTier.reduce((n, r) => n + r.total, 0) };
}
