import { Badge } from "@/components/ui/badge";

/**
 * Criticality, from red (tier 0) to an outline (tier 3). No tier shares a hue with a
 * readiness level (gold is amber, silver slate, bronze orange), so the two badges that sit
 * side by side in every list never read as one another.
 */
type Tier = "tier0" | "tier1" | "tier2" | "tier3";

/** The same hues as the badges (`.tier-N` in globals.css), for the dependency graph's node borders and legend. */
export const TIER_RING: Record<Tier, string> = {
  tier0: "#dc2626",
  tier1: "#7c3aed",
  tier2: "#0284c7",
  tier3: "#64748b",
};

export function TierBadge({ tier }: { tier: Tier }) {
  return <Badge className={`tier-${tier.slice(4)}`}>{tier.replace("tier", "Tier ")}</Badge>;
}
