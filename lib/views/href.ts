/** A saved catalog view as a link: its filters plus the columns it was saved with. */
export function viewHref(view: { query: string; columns: readonly string[] }) {
  const params = new URLSearchParams(view.query);
  params.set("cols", view.columns.join(","));
  return `/services?${params}`;
}

/** The query string of a catalog href (`/services?tier=tier0` → `tier=tier0`). */
export function queryOf(href: string) {
  const at = href.indexOf("?");
  return at === -1 ? "" : href.slice(at + 1);
}
