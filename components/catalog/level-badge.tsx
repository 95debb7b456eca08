import { Medal } from "lucide-react";
import type { ScorecardLevel } from "@/db/schema/catalog";
import { unmeasuredAt } from "@/lib/catalog/scorecard";
import { cn } from "@/lib/utils";

const STYLE: Record<string, string> = {
  gold: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200",
  silver: "bg-slate-200 text-slate-800 dark:bg-slate-400/20 dark:text-slate-200",
  bronze: "bg-orange-100 text-orange-900 dark:bg-orange-400/15 dark:text-orange-200",
  none: "bg-muted text-muted-foreground",
};

/**
 * A readiness level, with how many of its rules no domain measures yet ("Gold · 3 unmeasured"),
 * so a level never looks earned on rules nobody checked. The count follows from the level
 * (unmeasuredAt) unless the caller knows the service's own. Never wraps nor truncates.
 */
export function LevelBadge({
  level,
  unmeasured = unmeasuredAt(level as ScorecardLevel),
  className,
}: {
  level: string;
  unmeasured?: number;
  className?: string;
}) {
  const name = level === "none" ? "No level" : level[0].toUpperCase() + level.slice(1);
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium",
        STYLE[level] ?? STYLE.none,
        className,
      )}
      title={
        unmeasured
          ? `${unmeasured} of the rules this level counts are not measured yet: no SLO or incident data exists in Pharos.`
          : undefined
      }
      data-testid="level-badge"
    >
      <Medal className="size-3" aria-hidden />
      {name}
      {unmeasured ? (
        <>
          {" "}
          <span className="font-normal opacity-80">· {unmeasured} unmeasured</span>
        </>
      ) : null}
    </span>
  );
}
