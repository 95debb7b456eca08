import type { ScorecardLevel } from "@/db/schema/catalog";
import { catalogHref } from "./href";
import type { CatalogFilter } from "./list-filter";

/** The catalog filter behind a team's or a tier's rollup row ("unowned" is the row of no team). */
export function rollupFilter(by: "team" | "tier", key: string): CatalogFilter {
  if (by === "tier") return { tier: key as CatalogFilter["tier"], sort: "level" };
  return key === "unowned" ? { unowned: true, sort: "level" } : { team: key, sort: "level" };
}

export const rollupHref = (by: "team" | "tier", key: string) => catalogHref(rollupFilter(by, key));

export const rollupLevelHref = (by: "team" | "tier", key: string) => (level: ScorecardLevel) =>
  catalogHref({ ...rollupFilter(by, key), level, sort: "name" });

export const tierLabel = (tier: string) => tier.replace("tier", "Tier ");
