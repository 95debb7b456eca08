import type { Metadata } from "next";
import { ProblemFilters } from "@/components/problems/problem-filters";
import { ProblemTable } from "@/components/problems/problem-table";
import { SuggestedProblems } from "@/components/problems/suggested-problems";
import { Forbidden } from "@/components/shell/forbidden";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { problemListPageRead } from "@/lib/incidents/problem-page-reads";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Problems" };

export default async function ProblemsPage({ searchParams }: PageProps<"/problems">) {
  const read = await pageQuery(problemListPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="problems" />;
  const { filter, items, total, page, pageSize, suggestions, services, mayManage } = read.data;
  const params = { state: filter.state, service: filter.service, q: filter.q };
  const filtered = Object.values(params).some(Boolean);
  return (
    <>
      <PageHeader
        title="Problems"
        description="The causes behind repeating incidents: each problem links its incidents, records the root cause or a workaround (a known error) and the work that fixes it."
        actions={
          mayManage ? (
            <Link href="/problems/new" className={buttonVariants()} data-testid="new-problem">
              <Icon name="i-plus" /> New problem
            </Link>
          ) : null
        }
      />
      <SuggestedProblems items={suggestions} mayManage={mayManage} />
      <ProblemFilters filter={params} services={services} />
      <Card>
        {items.length ? (
          <>
            <p className="border-b px-4 py-2 text-xs text-muted-foreground" aria-live="polite">
              {plural(total, { one: "problem", other: "problems" })}
              {filtered ? " under these filters" : ""}
            </p>
            <ProblemTable items={items} />
            <div className="border-t px-4 py-2">
              <Pagination
                basePath="/problems"
                params={params}
                page={page}
                pageSize={pageSize}
                total={total}
              />
            </div>
          </>
        ) : (
          <EmptyState icon="i-puzzle" title={filtered ? "No problems match" : "No problems yet"}>
            {filtered ? (
              <Link href="/problems" className="text-primary underline">
                Clear the filters
              </Link>
            ) : (
              "When incidents repeat, open a problem to find and fix their cause, or accept one Pharos suggests above."
            )}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
