import { Boxes, Download, Plus, Upload } from "lucide-react";
import type { Metadata } from "next";
import { BulkBar } from "@/components/catalog/bulk-bar";
import { CatalogTable } from "@/components/catalog/catalog-table";
import { ColumnChooser } from "@/components/catalog/column-chooser";
import { FacetList } from "@/components/catalog/facet-list";
import { FiltersPanel } from "@/components/catalog/filters-panel";
import { SavedViews, SaveViewDialog } from "@/components/catalog/saved-views";
import { SearchBox } from "@/components/catalog/search-box";
import { Forbidden } from "@/components/shell/forbidden";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { catalogHref } from "@/lib/catalog/href";
import { filterParams } from "@/lib/catalog/list-filter";
import type { Facet, FacetKey } from "@/lib/catalog/queries";
import { servicesPageRead } from "@/lib/catalog/reads";
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
  const { views, shareTeams, maySaveViews, bulk } = read.data;
  // Columns a saved view or a shared link put in the URL stay while its filters are changed.
  const cols = columnsFromUrl ? columns.join(",") : undefined;
  const href = (param: string, value: string | undefined) => catalogHref(filter, { cols, [param]: value });
  const filtered = Object.entries(filterParams(filter)).some(([k, v]) => k !== "sort" && v);
  const query = queryOf(catalogHref(filter));
  const selectable = bulk.verify || bulk.transferTo.length > 0;
  return (
    <>
      <PageHeader
        title="Services"
        description="Every service, who owns it, how critical it is and how ready for production."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href="/services/catalog-info.yaml" download>
                <Download aria-hidden /> Export
              </a>
            </Button>
            {mayCreate ? (
              <>
                <Button asChild variant="outline" size="sm">
                  <Link href="/services/import">
                    <Upload aria-hidden /> Import
                  </Link>
                </Button>
                <Button asChild size="sm">
                  <Link href="/services/new">
                    <Plus aria-hidden /> Register service
                  </Link>
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-2">
        {Object.entries({ ...filterParams(filter), cols }).map(([k, v]) =>
          k !== "q" && k !== "sort" && v ? <input key={k} type="hidden" name={k} value={v} /> : null,
        )}
        <div className="grid min-w-56 flex-1 gap-1">
          <label htmlFor="q" className="text-xs font-medium text-muted-foreground">
            Search
          </label>
          <SearchBox defaultValue={filter.q} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="sort" className="text-xs font-medium text-muted-foreground">
            Sort by
          </label>
          <Select id="sort" name="sort" defaultValue={filter.sort}>
            <option value="name">{filter.q ? "Relevance" : "Name"}</option>
            <option value="tier">Tier</option>
            <option value="level">Readiness</option>
            <option value="updated">Recently changed</option>
            <option value="verified">Least recently verified</option>
          </Select>
        </div>
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>
      <div className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href={href("mine", filter.mine ? undefined : "1")}
          className={toggleClass(filter.mine)}
          aria-current={filter.mine ? "true" : undefined}
          data-testid="toggle-mine"
        >
          Owned by my teams
        </Link>
        <Link
          href={href("stale", filter.stale ? undefined : "1")}
          className={toggleClass(filter.stale)}
          aria-current={filter.stale ? "true" : undefined}
        >
          Stale (not verified in 90 days)
        </Link>
        <Link
          href={href("archived", filter.archived ? undefined : "1")}
          className={toggleClass(filter.archived)}
          aria-current={filter.archived ? "true" : undefined}
        >
          Archived
        </Link>
        <Link
          href={href("unowned", filter.unowned ? undefined : "1")}
          className={toggleClass(filter.unowned)}
          aria-current={filter.unowned ? "true" : undefined}
        >
          Unowned
        </Link>
        {filter.below ? (
          // Set by the home page's and scorecards' links; shown so it can be seen and cleared.
          <Link href={href("below", undefined)} className={toggleClass(true)} aria-current="true">
            Below {LEVEL_LABEL[filter.below] ?? filter.below} ✕
            <span className="sr-only"> (remove this filter)</span>
          </Link>
        ) : null}
        {filtered ? (
          <Link href="/services" className="px-2 py-1 text-primary underline">
            Clear all
          </Link>
        ) : null}
      </div>
      <SavedViews views={views} query={query} columns={columns} />
      <div className="grid gap-6 lg:grid-cols-[12rem_1fr] xl:grid-cols-[13rem_1fr]">
        <FiltersPanel active={FACET_SECTIONS.filter((f) => filter[f.param]).length}>
          {FACET_SECTIONS.map(({ title, param, format }) => (
            <FacetList
              key={param}
              title={title}
              param={param}
              facets={facets[param]}
              selected={filter[param]}
              href={href}
              format={format}
            />
          ))}
        </FiltersPanel>
        <Card className="min-w-0">
          <div className="flex items-center justify-between gap-2 border-b px-4 py-2 text-sm">
            <span className="text-muted-foreground" data-testid="result-count">
              {plural(total, { one: "service", other: "services" })}
            </span>
            <span className="flex gap-2">
              {maySaveViews ? <SaveViewDialog query={query} columns={columns} teams={shareTeams} /> : null}
              <ColumnChooser columns={columns} canSave={maySaveViews} />
            </span>
          </div>
          {selectable && items.length ? <BulkBar verify={bulk.verify} transferTo={bulk.transferTo} /> : null}
          {items.length ? (
            <>
              {similar ? (
                <p className="border-b px-4 py-3 text-sm" data-testid="similar-results">
                  No service matches “{filter.q}” exactly. <strong>Similar results</strong>, closest name
                  first:
                </p>
              ) : null}
              <CatalogTable rows={items} now={now} columns={columns} selectable={selectable} />
              <Pagination
                basePath="/services"
                params={{ ...filterParams(filter), cols }}
                page={paging.page}
                pageSize={paging.pageSize}
                total={total}
              />
            </>
          ) : (
            <EmptyState icon={Boxes} title={filtered ? "No service matches" : "The catalog is empty"}>
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

function toggleClass(on: boolean | undefined) {
  return `rounded-full border px-3 py-1 ${on ? "border-primary bg-accent font-medium text-accent-foreground" : "hover:bg-accent"}`;
}
