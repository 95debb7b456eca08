import { Badge } from "@/components/ui/badge";
import type { LocationResult } from "@/db/schema";

const LABEL: Record<LocationResult, string> = {
  applied: "Applied",
  held: "Held for review",
  failed: "Failed",
  unchanged: "Unchanged",
};
const TONE = { applied: "healthy", held: "warning", failed: "danger", unchanged: "neutral" } as const;

/** A location's last refresh as one badge; a location not yet refreshed says so. */
export function LocationResultBadge({ result }: { result: LocationResult | null }) {
  if (!result) return <Badge data-testid="location-result">Not refreshed yet</Badge>;
  return (
    <Badge tone={TONE[result]} data-testid="location-result">
      {LABEL[result]}
    </Badge>
  );
}
