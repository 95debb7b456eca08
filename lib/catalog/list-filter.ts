import { SCORECARD_LEVELS, type ScorecardLevel } from "@/db/schema/catalog";
import {
  LIFECYCLES,
  type Lifecycle,
  SERVICE_DOMAINS,
  type ServiceDomain,
  TIERS,
  type Tier,
} from "@/db/schema/enums";
import { hasControlCharacters } from "@/lib/validation/text";

export const SORTS = ["name", "tier", "level", "updated", "verified"] as const;
export type Sort = (typeof SORTS)[number];

/** Catalog filters, as they live in the URL (`/services?tier=tier0&tag=pci&q=pay`). */
export type CatalogFilter = {
  q?: string;
  team?: string;
  tier?: Tier;
  lifecycle?: Lifecycle;
  domain?: ServiceDomain;
  tag?: string;
  level?: ScorecardLevel;
  /** Services whose level is lower than this one (`below=silver`: no level or bronze). */
  below?: Exclude<ScorecardLevel, "none">;
  stale?: boolean;
  /** Services no team owns. */
  unowned?: boolean;
  /** Services in budget freeze: an SLO of theirs has spent its error budget. */
  frozen?: boolean;
  archived?: boolean;
  mine?: boolean;
  sort: Sort;
  /**
   * Match `q` by trigram similarity of name and slug instead of full text: the fallback when
   * full text finds nothing (never read from the URL; set by catalogSearch).
   */
  similar?: boolean;
};

const pick = <T extends string>(allowed: readonly T[], v: string | undefined) =>
  v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

export function parseCatalogFilter(get: (key: string) => string | undefined): CatalogFilter {
  // A value with control characters matches nothing and the database refuses a NUL: drop it.
  const text = (k: string, max: number) => {
    const value = get(k)?.trim().slice(0, max);
    return value && !hasControlCharacters(value) ? value : undefined;
  };
  return {
    q: text("q", 200),
    team: text("team", 63)?.toLowerCase(),
    tier: pick(TIERS, get("tier")),
    lifecycle: pick(LIFECYCLES, get("lifecycle")),
    domain: pick(SERVICE_DOMAINS, get("domain")),
    tag: text("tag", 40)?.toLowerCase(),
    level: pick(SCORECARD_LEVELS, get("level")),
    below: pick(
      SCORECARD_LEVELS.filter((l) => l !== "none"),
      get("below"),
    ),
    stale: get("stale") === "1" || get("stale") === "true",
    unowned: get("unowned") === "1" || get("unowned") === "true",
    frozen: get("frozen") === "1" || get("frozen") === "true",
    archived: get("archived") === "1" || get("archived") === "true",
    mine: get("mine") === "1" || get("mine") === "true",
    sort: pick(SORTS, get("sort")) ?? "name",
  };
}

/** The filter back as query parameters (for links that change one facet and keep the rest). */
export function filterParams(filter: CatalogFilter): Record<string, string | undefined> {
  return {
    q: filter.q,
    team: filter.team,
    tier: filter.tier,
    lifecycle: filter.lifecycle,
    domain: filter.domain,
    tag: filter.tag,
    level: filter.level,
    below: filter.below,
    stale: filter.stale ? "1" : undefined,
    unowned: filter.unowned ? "1" : undefined,
    frozen: filter.frozen ? "1" : undefined,
    archived: filter.archived ? "1" : undefined,
    mine: filter.mine ? "1" : undefined,
    sort: filter.sort === "name" ? undefined : filter.sort,
  };
}

/** Words → a prefix tsquery (`pay api` → `pay:* & api:*`); anything else is dropped. */
export function toPrefixQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

export const STALE_AFTER_DAYS = 90;
