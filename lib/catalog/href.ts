import { type CatalogFilter, filterParams } from "./list-filter";

/** `/services?…` for this filter with one parameter changed (and paging reset). */
export function catalogHref(filter: CatalogFilter, change: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filterParams(filter), ...change })) if (v) params.set(k, v);
  const query = params.toString();
  return query ? `/services?${query}` : "/services";
}
