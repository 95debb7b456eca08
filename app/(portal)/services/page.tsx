import type { Metadata } from "next";
import { BulkBar } from "@/components/catalog/bulk-bar";
import { CatalogTable } from "@/components/catalog/catalog-table";
import { ColumnChooser } from "@/components/catalog/column-chooser";
import { FacetList } from "@/components/catalog/facet-list";
import { FilterBar } from "@/components/catalog/filter-bar";
import { FiltersPanel } from "@/components/catalog/filters-panel";
import { SavedViews, SaveViewDialog } from "@/components/catalog/saved-views";
import { Forbidden } from "@/components/shell/forbidden";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { facetSection } from "@/lib/catalog/facet-section";
import { catalogHref } from "@/lib/catalog/href";
import { filterParams } from "@/lib/catalog/list-filter";
import type { Facet, FacetKey } from "@/lib/catalog/queries";
import { servicesPageRead } from "@/lib/catalog/reads";
import { tableRows } from "@/lib/catalog/table-rows";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";
import { queryOf } from "@/lib/views/href";

export const metadata: Metadata = { title: "Services" };

const LEVEL_LABEL: Record<string, string> = {
  gold: "Gold",
  silver: "Silver",
  bronze: "Bronze",
  none: "No level",
};

/** The filter panel, top to bottom: each facet is counted, and filtered, under its URL parameter. */
const FACET_SECTIONS: { title: string; param: FacetKey; format?: (f: Facet) => string }[] = [
  { title: "Tier", param: "tier", format: (f) => f.value.replace("tier", "Tier ") },
  { title: "Readiness", param: "level", format: (f) => LEVEL_LABEL[f.value] ?? f.value },
  { title: "Team", param: "team" },
  { title: "Lifecycle", param: "lifecycle" },
  { title: "Domain", param: "domain" },
  { title: "Tags", param: "tag" },
];

export default async function ServicesPage({ searchParams }: PageProps<"/services">) {
  const read = await pageQuery(servicesPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="the catalog" />;
  const { filter, items, total, similar, paging, facets, now, mayCreate, columns, columnsFromUrl } =
    read.data;
  const { views, maySaveViews, bulk } = read.data;
  // Columns a saved view or a shared link put in the URL stay while its filters are changed.
  const cols = columnsFromUrl ? columns.join(",") : undefined;
  const current = queryOf(catalogHref(filter, { cols }));
  const filtered = Object.entries(filterParams(filter)).some(([k, v]) => k !== "sort" && v);
  const query = queryOf(catalogHref(filter));
  const selectable = bulk.verify || bulk.transfer;
  return (
    <>
      <PageHeader
        title="Services"
        description="Every service, who owns it, how critical it is and how ready for production."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href="/services/catalog-info.yaml" download>
                <Icon name="i-download" /> Export
              </a>
            </Button>
            {mayCreate ? (
              <>
                <Button asChild variant="outline" size="sm">
                  <Link href="/services/import">
                    <Icon name="i-upload" /> Import
                  </Link>
                </Button>
                <Button asChild size="sm">
                  <Link href="/services/new">
                    <Icon name="i-plus" /> Register service
                  </Link>
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <FilterBar
        query={current}
        belowLabel={filter.below ? (LEVEL_LABEL[filter.below] ?? filter.below) : undefined}
      />
      <SavedViews views={views} query={query} columns={columns} />
      <div className="grid gap-6 lg:grid-cols-[12rem_1fr] xl:grid-cols-[13rem_1fr]">
        <FiltersPanel active={FACET_SECTIONS.filter((f) => filter[f.param]).length}>
          <FacetList
            sections={FACET_SECTIONS.map((section) =>
              facetSection(section, facets[section.param], filter[section.param]),
            )}
            query={current}
          />
        </FiltersPanel>
        <Card className="min-w-0">
          <div className="flex items-center justify-between gap-2 border-b px-4 py-2 text-sm">
            <span className="text-muted-foreground" data-testid="result-count">
              {plural(total, { one: "service", other: "services" })}
            </span>
            <span className="flex gap-2">
              {maySaveViews ? <SaveViewDialog query={query} columns={columns} /> : null}
              <ColumnChooser columns={columns} canSave={maySaveViews} />
            </span>
          </div>
          {selectable && items.length ? <BulkBar verify={bulk.verify} transfer={bulk.transfer} /> : null}
          {items.length ? (
            <>
              {similar ? (
                <p className="border-b px-4 py-3 text-sm" data-testid="similar-results">
                  No service matches “{filter.q}” exactly. <strong>Similar results</strong>, closest name
                  first:
                </p>
              ) : null}
              <CatalogTable rows={tableRows(items, columns, now)} columns={columns} selectable={selectable} />
              <Pagination
                basePath="/services"
                params={{ ...filterParams(filter), cols }}
                page={paging.page}
                pageSize={paging.pageSize}
                total={total}
              />
            </>
          ) : (
            <EmptyState icon="i-boxes" title={filtered ? "No service matches" : "The catalog is empty"}>
              {filtered ? (
                <Link href="/services" className="text-primary underline">
                  Clear the filters
                </Link>
              ) : (
                <>
                  Register a service or import your Backstage <code>catalog-info.yaml</code>.
                </>
              )}
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
