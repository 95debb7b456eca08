import type { Metadata } from "next";
import { ActionItemFilters } from "@/components/incidents/action-item-filters";
import { ActionItemList } from "@/components/incidents/action-item-list";
import { OverdueByTeam } from "@/components/incidents/overdue-by-team";
import { Forbidden } from "@/components/shell/forbidden";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { groupByDue } from "@/lib/incidents/action-item-groups";
import { actionItemsPageRead } from "@/lib/incidents/action-item-reads";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Action items" };

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return q.size ? `/action-items?${q}` : "/action-items";
};

export default async function ActionItemsPage({ searchParams }: PageProps<"/action-items">) {
  const read = await pageQuery(actionItemsPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="action items" />;
  const { filter, items, total, page, pageSize, overdueByTeam, teams, mayManage } = read.data;
  const params = { ...filter, overdue: filter.overdue ? "1" : undefined };
  const filtered = Object.values(params).some(Boolean);
  const groups = groupByDue(items);
  return (
    <>
      <PageHeader
        title="Action items"
        description="The follow-up work postmortems and problems raised, soonest due first. Filters stay in the URL, so a view can be shared."
        actions={
          <>
            <Link
              href={query({ owner: "me", status: "active" })}
              className={buttonVariants({ variant: "outline" })}
            >
              <Icon name="i-user-check" /> My open items
            </Link>
            <Link href="/incidents/postmortems" className={buttonVariants({ variant: "outline" })}>
              <Icon name="i-notebook-pen" /> Postmortems
            </Link>
          </>
        }
      />
      <OverdueByTeam rows={overdueByTeam} />
      <ActionItemFilters
        filter={filter}
        teams={teams}
        withoutService={query({ ...params, service: undefined })}
      />
      <Card>
        {items.length ? (
          <>
            <p className="border-b px-4 py-2 text-xs text-muted-foreground" aria-live="polite">
              {plural(total, { one: "action item", other: "action items" })}
              {filtered ? " under these filters" : ""}
            </p>
            {groups.map((g) => (
              <section
                key={g.group}
                aria-labelledby={`group-${g.group}`}
                className="border-t first-of-type:border-t-0"
                data-testid={`group-${g.group}`}
              >
                <h2
                  id={`group-${g.group}`}
                  className={`border-b bg-muted/50 px-4 py-1.5 text-xs font-semibold uppercase tracking-wide ${g.group === "overdue" ? "text-breaching-fg" : "text-muted-foreground"}`}
                >
                  {g.label} <span className="font-normal">({g.items.length})</span>
                </h2>
                <ActionItemList items={g.items} mayManage={mayManage} showParent />
              </section>
            ))}
            <div className="border-t px-4 py-2">
              <Pagination
                basePath="/action-items"
                params={params}
                page={page}
                pageSize={pageSize}
                total={total}
              />
            </div>
          </>
        ) : (
          <EmptyState icon="i-list-checks" title={filtered ? "No action items match" : "No action items yet"}>
            {filtered ? (
              <Link href="/action-items" className="text-primary underline">
                Clear the filters
              </Link>
            ) : (
              "Action items are raised from postmortems and problems: each with one owner and a due date."
            )}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
