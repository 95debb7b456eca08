/**
 * `/services?…` with one parameter set or removed, from the catalog's current query string
 * (as lib/catalog/href.ts builds it, without a page). Pure, for the client components that
 * build the catalog's links from the query instead of receiving each link from the server.
 */
export function withParam(query: string, param: string, value: string | undefined) {
  const params = new URLSearchParams(query);
  if (value) params.set(param, value);
  else params.delete(param);
  const search = params.toString();
  return search ? `/services?${search}` : "/services";
}
