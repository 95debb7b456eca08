import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { SloTable } from "@/components/slo/slo-table";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { TIERS } from "@/db/schema/enums";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";
import { SLO_STATES, type SloState } from "@/lib/slo/math";
import { sloListPageRead } from "@/lib/slo/page-reads";
import { STATE_LABELS } from "@/lib/slo/present";

export const metadata: Metadata = { title: "SLOs" };

type Filter = { team?: string; tier?: string; state?: string; q?: string };

const hrefWith = (filter: Filter, change: Partial<Filter>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...change })) if (v) params.set(k, v);
  const query = params.toString();
  return query ? `/slos?${query}` : "/slos";
};

export default async function SlosPage({ searchParams }: PageProps<"/slos">) {
  const read = await pageQuery(sloListPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="SLOs" />;
  const { filter, counts, items, teams } = read.data;
  const total = SLO_STATES.reduce((n, s) => n + counts[s], 0);
  const filtered = Boolean(filter.team || filter.tier || filter.state || filter.q);
  return (
    <>
      <PageHeader
        title="SLOs"
        description="Every service-level objective, its error budget and how fast it is burning, computed from the measured counts."
        actions={
          <Link href="/slos/scorecard" className={buttonVariants({ variant: "outline" })}>
            Reliability scorecard
          </Link>
        }
      />
      <nav aria-label="By state" className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {SLO_STATES.map((state: SloState) => {
          const active = filter.state === state;
          return (
            <Link
              key={state}
              href={hrefWith(filter, { state: active ? undefined : state })}
              aria-current={active ? "true" : undefined}
              className={`card flex items-center justify-between gap-2 px-3 py-2.5 hover:bg-accent ${active ? "ring-2 ring-ring" : ""}`}
              data-testid={`state-count-${state}`}
            >
              <span className={`badge state state-${state}`}>{STATE_LABELS[state]}</span>
              <span className="text-xl font-semibold tabular-nums">{counts[state]}</span>
            </Link>
          );
        })}
      </nav>
      <search className="mb-4">
        <form method="get" action="/slos" className="flex flex-wrap items-end gap-2">
          <label className="grid gap-1 text-xs font-medium text-muted-foreground">
            Search
            <input
              name="q"
              defaultValue={filter.q ?? ""}
              placeholder="SLO or service"
              className="control w-56"
            />
          </label>
          <label className="grid gap-1 text-xs font-medium text-muted-foreground">
            Team
            <select name="team" defaultValue={filter.team ?? ""} className="control">
              <option value="">All teams</option>
              {teams.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-xs font-medium text-muted-foreground">
            Tier
            <select name="tier" defaultValue={filter.tier ?? ""} className="control">
              <option value="">All tiers</option>
              {TIERS.map((t) => (
                <option key={t} value={t}>
                  {t.replace("tier", "Tier ")}
                </option>
              ))}
            </select>
          </label>
          {filter.state ? <input type="hidden" name="state" value={filter.state} /> : null}
          <button type="submit" className={buttonVariants({ variant: "outline" })}>
            Filter
          </button>
          {filtered ? (
            <Link href="/slos" className="btn btn-ghost">
              Clear
            </Link>
          ) : null}
        </form>
      </search>
      <Card>
        {items.length ? (
          <>
            <p className="border-b px-4 py-2 text-xs text-muted-foreground" aria-live="polite">
              {plural(items.length, { one: "SLO", other: "SLOs" })}
              {filtered ? ` of ${total} under these filters` : ""}
            </p>
            <SloTable items={items} />
          </>
        ) : (
          <EmptyState icon="i-activity" title={filtered ? "No SLOs match" : "No SLOs yet"}>
            {filtered ? (
              <Link href="/slos" className="text-primary underline">
                Clear the filters
              </Link>
            ) : (
              "Open a service and define its first SLO: what share of requests must succeed, over which window."
            )}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
