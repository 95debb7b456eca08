/**
 * Backstage's catalog backend figures (plugin-catalog-backend 4.0 on PostgreSQL 15, 2-core
 * machine, 10,000 components / 200 groups / 30,000 dependsOn edges) and Pharos's targets.
 */
export type Reference = {
  id: string;
  label: string;
  unit: "ms" | "s" | "MB";
  /** Backstage's median, or a range as text; null for Pharos-only targets. */
  backstage: number | string | null;
  /** Pharos's median must be at most (or, with `strict`, below) this; null: report only. */
  target: number | null;
  strict?: boolean;
};

export const REFERENCES: Reference[] = [
  { id: "rest-first-page", label: "REST first page of 20", unit: "ms", backstage: 18, target: 9 },
  { id: "rest-search", label: "REST search (?q=)", unit: "ms", backstage: 132, target: 26.4 },
  // Facet counts are cached until the catalog changes. The row set against Backstage is the
  // request right after a write, which always counts afresh; the cached one is context.
  {
    id: "rest-facets-cold",
    label: "REST facet count (after a write: uncached)",
    unit: "ms",
    backstage: 26,
    target: 13,
  },
  { id: "rest-facets", label: "REST facet count (cached)", unit: "ms", backstage: null, target: null },
  { id: "rest-entity", label: "REST one entity by name", unit: "ms", backstage: 4, target: 2 },
  { id: "ingest", label: "Ingest catalog (CLI import)", unit: "s", backstage: 135, target: 27, strict: true },
  { id: "ssr-catalog", label: "SSR /services?… page", unit: "ms", backstage: null, target: 50, strict: true },
  // Context: the same pages, each right after a write (facets counted afresh).
  {
    id: "ssr-catalog-cold",
    label: "SSR /services?… page, first after a write",
    unit: "ms",
    backstage: null,
    target: null,
  },
  {
    id: "ssr-service",
    label: "SSR /services/{slug} page",
    unit: "ms",
    backstage: null,
    target: 100,
    strict: true,
  },
  // Context, not a target: the cheapest request the server answers (one `select 1`, no auth).
  { id: "floor", label: "Floor: GET /api/health", unit: "ms", backstage: null, target: null },
  { id: "rss", label: "Server RSS after load", unit: "MB", backstage: "170–650", target: null },
];

/** The Backstage figures were taken with this many components; other sizes are not comparable. */
export const REFERENCE_COMPONENTS = 10_000;
