import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { TIERS } from "@/db/schema/enums";
import { pageQuery } from "@/lib/query/page";
import { SLO_STATES, type SloState } from "@/lib/slo/math";
import { sloScorecardRead } from "@/lib/slo/page-reads";
import { pct, STATE_LABELS } from "@/lib/slo/present";
import type { SloSummary } from "@/lib/slo/queries";

export const metadata: Metadata = { title: "Reliability scorecard" };

/**
 * Every SLO of every team by tier, for executives: a cell per team and tier holding its
 * SLOs as chips in the state palette, each naming its SLI. A table, so it reads the same
 * to a screen reader and in print as on screen.
 */
export default async function ScorecardPage() {
  const read = await pageQuery(sloScorecardRead, {});
  if (!read.ok) return <Forbidden what="the reliability scorecard" />;
  const { items } = read.data;
  const teams = new Map<string, { name: string; slug: string | null; items: SloSummary[] }>();
  for (const s of items) {
    const key = s.team?.slug ?? "";
    const entry = teams.get(key) ?? {
      name: s.team?.name ?? "No owner",
      slug: s.team?.slug ?? null,
      items: [],
    };
    entry.items.push(s);
    teams.set(key, entry);
  }
  const rows = [...teams.values()].sort((a, b) => a.name.localeCompare(b.name));
  const counts = Object.fromEntries(
    SLO_STATES.map((st) => [st, items.filter((i) => i.status.state === st).length]),
  ) as Record<SloState, number>;
  const met = items.filter((i) => i.status.budgetRemaining !== null && i.status.budgetRemaining > 0).length;
  const measured = items.filter((i) => i.status.budgetRemaining !== null).length;
  return (
    <>
      <PageHeader
        title="Reliability scorecard"
        description="Every SLO by owning team and service tier. A chip's colour is its state; its figure the SLI over its window."
      />
      <section aria-label="Summary" className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <span>
          <strong className="text-2xl tabular-nums">{measured ? pct(met / measured, 0) : "–"}</strong> of
          measured SLOs within budget ({met} of {measured})
        </span>
        {SLO_STATES.map((st) => (
          <Link key={st} href={`/slos?state=${st}`} className={`badge state state-${st}`}>
            {STATE_LABELS[st]} · {counts[st]}
          </Link>
        ))}
      </section>
      <Card>
        {rows.length ? (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the grid scrolls sideways on a phone; keyboard users scroll it too
          <div className="relative overflow-x-auto" tabIndex={0}>
            <table className="w-full min-w-[44rem] border-collapse text-sm">
              <caption className="sr-only">SLOs by team (rows) and tier (columns)</caption>
              <thead>
                <tr className="border-b bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
                  <th scope="col" className="px-3 py-2 font-medium">
                    Team
                  </th>
                  {TIERS.map((t) => (
                    <th key={t} scope="col" className="min-w-44 px-3 py-2 font-medium whitespace-nowrap">
                      {t.replace("tier", "Tier ")}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.name} className="border-b align-top last:border-0">
                    <th scope="row" className="px-3 py-3 text-left font-medium">
                      {row.slug ? (
                        <Link href={`/teams/${row.slug}`} className="hover:underline">
                          {row.name}
                        </Link>
                      ) : (
                        row.name
                      )}
                    </th>
                    {TIERS.map((tier) => {
                      const cell = row.items.filter((s) => s.service.tier === tier);
                      return (
                        <td key={tier} className="px-3 py-3">
                          {cell.length ? (
                            <ul className="grid gap-1.5">
                              {cell.map((s) => (
                                <li key={s.id}>
                                  <Link
                                    href={`/slos/${s.id}`}
                                    className={`slo-chip state-${s.status.state}`}
                                    title={`${s.service.name}: ${s.name} — ${STATE_LABELS[s.status.state]}`}
                                    data-testid="scorecard-chip"
                                  >
                                    <span className="slo-chip-name">
                                      <strong>{s.service.name}</strong>
                                      <span>{s.name}</span>
                                    </span>
                                    <span className="whitespace-nowrap tabular-nums">
                                      {pct(s.status.sli, 2)}
                                    </span>
                                    <span className="sr-only">, {STATE_LABELS[s.status.state]}</span>
                                  </Link>
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <span className="text-xs text-muted-foreground">
                              <span aria-hidden>–</span>
                              <span className="sr-only">none</span>
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState icon="i-activity" title="No SLOs yet">
            Teams define SLOs on their services; they appear here by team and tier.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
