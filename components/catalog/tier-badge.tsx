import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

/**
 * Criticality, from red (tier 0) to an outline (tier 3). No tier shares a hue with a
 * readiness level (gold is amber, silver slate, bronze orange), so the two badges that sit
 * side by side in every list never read as one another.
 */
export const TIER_STYLE = {
  tier0: "border-transparent bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-200",
  tier1: "border-transparent bg-violet-100 text-violet-800 dark:bg-violet-500/20 dark:text-violet-200",
  tier2: "border-transparent bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-200",
  tier3: "border-border bg-transparent text-muted-foreground",
} as const;

/** The same hues as the badges, for the dependency graph's node borders and legend. */
export const TIER_RING: Record<keyof typeof TIER_STYLE, string> = {
  tier0: "#dc2626",
  tier1: "#7c3aed",
  tier2: "#0284c7",
  tier3: "#64748b",
};

export function TierBadge({ tier }: { tier: keyof typeof TIER_STYLE }) {
  return <Badge className={cn(TIER_STYLE[tier])}>{tier.replace("tier", "Tier ")}</Badge>;
}
