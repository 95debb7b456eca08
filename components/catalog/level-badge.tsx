import { Medal } from "lucide-react";
import { cn } from "@/lib/utils";

const STYLE: Record<string, string> = {
  gold: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200",
  silver: "bg-slate-200 text-slate-800 dark:bg-slate-400/20 dark:text-slate-200",
  bronze: "bg-orange-100 text-orange-900 dark:bg-orange-400/15 dark:text-orange-200",
  none: "bg-muted text-muted-foreground",
};

export function LevelBadge({ level, className }: { level: string; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium",
        STYLE[level] ?? STYLE.none,
        className,
      )}
    >
      <Medal className="size-3" aria-hidden />
      {level === "none" ? "No level" : level[0].toUpperCase() + level.slice(1)}
    </span>
  );
}
