import Link from "@/components/ui/link";
import type { ScorecardLevel } from "@/db/schema/catalog";
import { LEVELS_BEST_FIRST, levelShares, servicesWithUnmeasuredLevels } from "@/lib/catalog/rollup-math";
import { plural } from "@/lib/plural";

export const LEVEL_COLORS: Record<ScorecardLevel, string> = {
  gold: "bg-amber-400",
  silver: "bg-slate-400",
  bronze: "bg-orange-400",
  none: "bg-muted-foreground/30",
};
export const LEVEL_NAMES: Record<ScorecardLevel, string> = {
  gold: "Gold",
  silver: "Silver",
  bronze: "Bronze",
  none: "No level",
};

export type RollupRow = {
  key: string;
  label: string;
  total: number;
  passed: number;
  applicable: number;
  levels: Record<string, number>;
};

/**
 * One stacked bar per team or tier: the share of its services at each level, each count a
 * link to those services when `levelHref` is given, and how many of those levels count
 * rules nobody measures yet. The bar itself is hidden from screen readers: the counts beside
 * it say the same in words.
 */
export function RollupBar({
  row,
  levelHref,
}: {
  row: RollupRow;
  levelHref?: (level: ScorecardLevel) => string;
}) {
  const rate = row.applicable ? Math.round((row.passed / row.applicable) * 100) : 0;
  const shares = levelShares(row.levels, row.total);
  const unmeasured = servicesWithUnmeasuredLevels(row.levels);
  return (
    <div className="grid gap-1.5" data-testid={`rollup-${row.key}`}>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-muted" aria-hidden>
        {LEVELS_BEST_FIRST.map((l) =>
          row.levels[l] ? (
            <span key={l} className={LEVEL_COLORS[l]} style={{ width: `${shares[l]}%` }} />
          ) : null,
        )}
      </div>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
        {LEVELS_BEST_FIRST.map((l) => {
          const label = (
            <>
              <span className={`size-2 shrink-0 rounded-full ${LEVEL_COLORS[l]}`} aria-hidden />
              {row.levels[l] ?? 0} {LEVEL_NAMES[l].toLowerCase()}
            </>
          );
          return levelHref && row.levels[l] ? (
            <Link
              key={l}
              href={levelHref(l)}
              className="inline-flex items-center gap-1 whitespace-nowrap hover:text-foreground hover:underline"
            >
              {label}
            </Link>
          ) : (
            <span key={l} className="inline-flex items-center gap-1 whitespace-nowrap">
              {label}
            </span>
          );
        })}
      </p>
      <p className="text-xs text-muted-foreground">
        {rate}% of measured rules pass across {plural(row.total, { one: "service", other: "services" })}
        {unmeasured
          ? ` · ${plural(unmeasured, { one: "level includes", other: "levels include" })} unmeasured rules`
          : ""}
      </p>
    </div>
  );
}
