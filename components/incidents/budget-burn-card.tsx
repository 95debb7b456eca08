import Link from "@/components/ui/link";
import type { BudgetBurn } from "@/lib/incidents/budget-burn";

const share = (v: number | null) => (v === null ? "no traffic" : `${(v * 100).toFixed(v < 0.1 ? 1 : 0)} %`);

/** The error budget the impact cost each SLO of the affected services. */
export function BudgetBurnList({ budget }: { budget: BudgetBurn[] }) {
  if (!budget.length)
    return (
      <p className="text-sm text-muted-foreground">
        None of the affected services has an SLO, so no budget is counted.
      </p>
    );
  return (
    <ul className="grid gap-2" data-testid="budget-burn">
      {budget.map((b) => (
        <li key={b.sloId} className="text-sm">
          <div className="flex items-baseline justify-between gap-2">
            <Link href={`/slos/${b.sloId}`} className="hover:underline">
              {b.serviceSlug} · {b.sloName}
            </Link>
            <span className="whitespace-nowrap font-semibold tabular-nums">{share(b.burned)}</span>
          </div>
          <div className="budget-bar mt-1" aria-hidden>
            <span
              style={{
                width: `${Math.min(100, Math.max(0, (b.burned ?? 0) * 100))}%`,
                background: "var(--breaching)",
              }}
            />
          </div>
          <p className="text-xs text-muted-foreground">
            {b.bad.toLocaleString("en-US")} bad events during the impact, of the window's error budget
          </p>
        </li>
      ))}
    </ul>
  );
}
