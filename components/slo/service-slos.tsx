"use client";

import Link from "@/components/ui/link";
import { percent } from "@/lib/slo/definition";
import type { SloState } from "@/lib/slo/math";
import { pct, STATE_LABELS } from "@/lib/slo/present";

export type ServiceSloRow = {
  id: string;
  name: string;
  state: SloState;
  sli: number | null;
  target: number;
  remaining: number | null;
};

/**
 * A service's SLOs on its page: a client component fed a few numbers per SLO, so the
 * page's document carries the rows once (as data) rather than as markup and again as
 * its RSC payload (see "Page weight" in docs/architecture.md).
 */
export function ServiceSlos({ rows }: { rows: ServiceSloRow[] }) {
  return (
    <ul className="divide-y">
      {rows.map((s) => (
        <li
          key={s.id}
          className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
        >
          <Link href={`/slos/${s.id}`} className="min-w-0 font-medium hover:underline">
            {s.name}
          </Link>
          <span className="flex items-center gap-3 text-xs tabular-nums">
            <span className={`badge state state-${s.state}`}>{STATE_LABELS[s.state]}</span>
            <span title="SLI over the window, against the target">
              {pct(s.sli, 3)} / {percent(s.target)}
            </span>
            <span className="text-muted-foreground">budget {pct(s.remaining, 0)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
