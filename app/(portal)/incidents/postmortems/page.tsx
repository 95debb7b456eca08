import type { Metadata } from "next";
import { PostmortemFilters } from "@/components/incidents/postmortem-filters";
import { PostmortemTable } from "@/components/incidents/postmortem-table";
import { Forbidden } from "@/components/shell/forbidden";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { postmortemListPageRead } from "@/lib/incidents/postmortem-reads";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Postmortems" };

export default async function PostmortemsPage({ searchParams }: PageProps<"/incidents/postmortems">) {
  const read = await pageQuery(postmortemListPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="postmortems" />;
  const { filter, items, total, page, pageSize } = read.data;
  const params = { status: filter.status, overdue: filter.overdue ? "1" : undefined };
  const filtered = Boolean(params.status || params.overdue);
  return (
    <>
      <PageHeader
        title="Postmortems"
        description="What each incident taught us, and what is late: unpublished postmortems past their due day, and sev1 or sev2 incidents nobody has written one for."
        actions={
          <>
            <Link href="/incidents" className={buttonVariants({ variant: "outline" })}>
              <Icon name="i-siren" /> Incidents
            </Link>
            <Link href="/action-items" className={buttonVariants({ variant: "outline" })}>
              <Icon name="i-list-checks" /> Action items
            </Link>
          </>
        }
      />
      <PostmortemFilters filter={filter} />
      <Card>
        {items.length ? (
          <>
            <p className="border-b px-4 py-2 text-xs text-muted-foreground" aria-live="polite">
              {plural(total, { one: "postmortem", other: "postmortems" })}
              {filter.overdue ? " late or missing" : filtered ? " under these filters" : ""}
            </p>
            <PostmortemTable items={items} />
            <div className="border-t px-4 py-2">
              <Pagination
                basePath="/incidents/postmortems"
                params={params}
                page={page}
                pageSize={pageSize}
                total={total}
              />
            </div>
          </>
        ) : (
          <EmptyState
            icon="i-notebook-pen"
            title={
              filter.overdue ? "Nothing is late" : filtered ? "No postmortems match" : "No postmortems yet"
            }
          >
            {filtered ? (
              <Link href="/incidents/postmortems" className="text-primary underline">
                Show every postmortem
              </Link>
            ) : (
              "A postmortem is started from its incident's page once the incident is resolved."
            )}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
