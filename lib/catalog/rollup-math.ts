import type { ScorecardLevel } from "@/db/schema/catalog";
import { unmeasuredAt } from "./scorecard";

export const LEVELS_BEST_FIRST = [
  "gold",
  "silver",
  "bronze",
  "none",
] as const satisfies readonly ScorecardLevel[];

/**
 * Each level's share of `total` in whole percent, summing to exactly 100 (largest remainder),
 * so a stacked bar and the numbers beside it never disagree by a rounding point.
 */
export function levelShares(levels: Partial<Record<ScorecardLevel, number>>, total: number) {
  const out: Record<ScorecardLevel, number> = { gold: 0, silver: 0, bronze: 0, none: 0 };
  if (total <= 0) return out;
  const exact = LEVELS_BEST_FIRST.map((l) => ({ l, v: ((levels[l] ?? 0) / total) * 100 }));
  for (const { l, v } of exact) out[l] = Math.floor(v);
  let left = 100 - LEVELS_BEST_FIRST.reduce((n, l) => n + out[l], 0);
  const byRemainder = [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)));
  for (const { l } of byRemainder) {
    if (left <= 0) break;
    out[l] += 1;
    left -= 1;
  }
  return out;
}

/** How many of these services hold a level that counts rules no domain measures yet. */
export function servicesWithUnmeasuredLevels(levels: Partial<Record<ScorecardLevel, number>>) {
  return LEVELS_BEST_FIRST.reduce((n, l) => n + (unmeasuredAt(l) > 0 ? (levels[l] ?? 0) : 0), 0);
}
