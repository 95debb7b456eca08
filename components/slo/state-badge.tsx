import type { SloState } from "@/lib/slo/math";
import { STATE_LABELS } from "@/lib/slo/present";

/** An SLO's state in the shared palette (`.state-*` in globals.css). */
export function StateBadge({ state, className }: { state: SloState; className?: string }) {
  return (
    <span className={`badge state state-${state}${className ? ` ${className}` : ""}`} data-slo-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}
