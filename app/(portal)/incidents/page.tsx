import type { Metadata } from "next";
import { IncidentFilters } from "@/components/incidents/incident-filters";
import { IncidentTable } from "@/components/incidents/incident-table";
import { Forbidden } from "@/components/shell/forbidden";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { incidentListPageRead } from "@/lib/incidents/page-reads";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: PageProps<"/incidents">) {
  const read = await pageQuery(incidentListPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="incidents" />;
  const { filter, items, total, page, pageSize, teams, mayDeclare } = read.data;
  const params = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v ? String(v) : undefined]));
  const filtered = Object.values(params).some(Boolean);
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Every incident with its timeline, people and postmortem. Filters stay in the URL, so a view can be shared."
        actions={
          <>
            <Link href="/incidents/metrics" className={buttonVariants({ variant: "outline" })}>
              <Icon name="i-chart-line" /> Metrics
            </Link>
            <Link href="/incidents/postmortems" className={buttonVariants({ variant: "outline" })}>
              <Icon name="i-notebook-pen" /> Postmortems
            </Link>
            {mayDeclare ? (
              <Link href="/incidents/new" className={buttonVariants()} data-testid="declare-incident">
                <Icon name="i-siren" /> Declare incident
              </Link>
            ) : null}
          </>
        }
      />
      <IncidentFilters filter={params} teams={teams} />
      <Card>
        {items.length ? (
          <>
            <p className="border-b px-4 py-2 text-xs text-muted-foreground" aria-live="polite">
              {plural(total, { one: "incident", other: "incidents" })}
              {filtered ? " under these filters" : ""}
            </p>
            <IncidentTable items={items} now={Date.now()} />
            <div className="border-t px-4 py-2">
              <Pagination
                basePath="/incidents"
                params={params}
                page={page}
                pageSize={pageSize}
                total={total}
              />
            </div>
          </>
        ) : (
          <EmptyState icon="i-siren" title={filtered ? "No incidents match" : "No incidents yet"}>
            {filtered ? (
              <Link href="/incidents" className="text-primary underline">
                Clear the filters
              </Link>
            ) : (
              "When something breaks, declare an incident: Pharos keeps its timeline, people and postmortem together."
            )}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
