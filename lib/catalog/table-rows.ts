import type { ScorecardLevel } from "@/db/schema/catalog";
import type { CatalogColumn } from "@/lib/catalog/columns";
import { STALE_AFTER_DAYS } from "@/lib/catalog/list-filter";
import { unmeasuredAt } from "@/lib/catalog/scorecard";
import { type Columnar, toColumnar } from "@/lib/columnar";
import { relativeTime } from "@/lib/format";

/** What the catalog read returns per service (lib/catalog/reads.ts). */
type ServiceItem = {
  slug: string;
  name: string;
  description: string;
  tier: "tier0" | "tier1" | "tier2" | "tier3";
  lifecycle: string;
  domain: string;
  tags: string[];
  scorecardLevel: string;
  verifiedAt: Date | null;
  archivedAt: Date | null;
  teamSlug: string | null;
  teamName: string | null;
};

/**
 * One catalog row as the client table (components/catalog/catalog-table.tsx) draws it:
 * only what its columns show, with times already put in words, flat so that a page can
 * send its rows columnar (lib/columnar.ts). The table is a client component so that a page
 * sends each row as this data once, not as its markup twice (HTML and the RSC payload).
 */
export type TableRow = {
  slug: string;
  name: string;
  /** The description, or the slug when there is none. */
  about: string;
  /** Set when the lifecycle column shows or the row should say so beside the name (not in production). */
  lifecycle?: string;
  archived?: true;
  /** With the owner column: the team, absent (null) when unowned. */
  ownerSlug?: string;
  ownerName?: string;
  tier?: ServiceItem["tier"];
  level?: string;
  unmeasured?: number;
  /** With the verified column: the day (YYYY-MM-DD, UTC) shown on hover, the words ("9 days ago"), and whether it is stale. */
  verifiedOn?: string;
  verifiedWords?: string;
  stale?: boolean;
  domain?: string;
  tags?: string[];
};

export function tableRows(
  items: ServiceItem[],
  columns: readonly CatalogColumn[],
  now: Date,
): Columnar<TableRow> {
  const staleBefore = now.getTime() - STALE_AFTER_DAYS * 86_400_000;
  const shows = new Set(columns);
  const rows = items.map((s) => {
    const row: TableRow = { slug: s.slug, name: s.name, about: s.description || s.slug };
    if (shows.has("lifecycle") || s.lifecycle !== "production") row.lifecycle = s.lifecycle;
    if (s.archivedAt) row.archived = true;
    if (shows.has("owner") && s.teamSlug) {
      row.ownerSlug = s.teamSlug;
      row.ownerName = s.teamName ?? s.teamSlug;
    }
    if (shows.has("tier")) row.tier = s.tier;
    if (shows.has("level")) {
      row.level = s.scorecardLevel;
      row.unmeasured = unmeasuredAt(s.scorecardLevel as ScorecardLevel);
    }
    if (shows.has("verified")) {
      row.stale = !s.verifiedAt || s.verifiedAt.getTime() < staleBefore;
      row.verifiedWords = s.verifiedAt ? relativeTime(s.verifiedAt, now) : "never verified";
      if (s.verifiedAt) row.verifiedOn = s.verifiedAt.toISOString().slice(0, 10);
    }
    if (shows.has("domain")) row.domain = s.domain;
    if (shows.has("tags")) row.tags = s.tags;
    return row;
  });
  return toColumnar(rows);
}
