import type { ScorecardLevel } from "@/db/schema/catalog";
import { unmeasuredAt } from "@/lib/catalog/scorecard";
import { cn } from "@/lib/utils";

const LEVELS = new Set(["gold", "silver", "bronze", "none"]);

/**
 * A readiness level (styled by `.level` in globals.css, its medal drawn there too), with how many of its rules no domain measures yet ("Gold · 3 unmeasured"),
 * so a level never looks earned on rules nobody checked. The count follows from the level
 * (unmeasuredAt) unless the caller knows the service's own. Never wraps nor truncates.
 */
export function LevelBadge({
  level,
  unmeasured = unmeasuredAt(level as ScorecardLevel),
  titled = true,
  className,
}: {
  level: string;
  unmeasured?: number;
  /** A list that explains "unmeasured" once (the catalog table) leaves the tooltip off each badge. */
  titled?: boolean;
  className?: string;
}) {
  const name = level === "none" ? "No level" : level[0].toUpperCase() + level.slice(1);
  return (
    <span
      className={cn("level", `level-${LEVELS.has(level) ? level : "none"}`, className)}
      title={
        unmeasured && titled
          ? `${unmeasured} of the rules this level counts are not measured yet: no SLO or incident data exists in Pharos.`
          : undefined
      }
      data-testid="level-badge"
    >
      {name}
      {unmeasured ? <small>{` · ${unmeasured} unmeasured`}</small> : null}
    </span>
  );
}
