import { Badge } from "@/components/ui/badge";

const TONE = { tier0: "danger", tier1: "warning", tier2: "primary", tier3: "neutral" } as const;

export function TierBadge({ tier }: { tier: keyof typeof TONE }) {
  return <Badge tone={TONE[tier]}>{tier.replace("tier", "Tier ")}</Badge>;
}
