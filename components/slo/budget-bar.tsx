import type { SloState } from "@/lib/slo/math";
import { pct, STATE_COLORS } from "@/lib/slo/present";

/** Budget remaining as a bar and a number; an overspent budget shows an empty bar and a negative figure. */
export function BudgetBar({ remaining, state }: { remaining: number | null; state: SloState }) {
  const width = remaining === null ? 0 : Math.max(0, Math.min(1, remaining)) * 100;
  return (
    <div className="grid min-w-24 gap-1">
      <span className="text-xs tabular-nums">{remaining === null ? "No data" : pct(remaining, 1)}</span>
      <div className="budget-bar" aria-hidden>
        <span style={{ width: `${width}%`, background: STATE_COLORS[state] }} />
      </div>
    </div>
  );
}
