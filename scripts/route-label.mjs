/** Collapses ids and slugs (`/services/payments-api` → `/services/:id`) so label cardinality stays bounded. */
export function routeOf(url) {
  const path = (url ?? "/").split("?")[0];
  if (path.startsWith("/_next/")) return "/_next";
  const parts = path.split("/").filter(Boolean);
  const keep = parts[0] === "api" ? 3 : parts[0] === "admin" || parts[0] === "settings" ? 2 : 1;
  const head = parts.slice(0, keep);
  if (parts.length > keep) head.push(":id");
  if (parts.length > keep + 1) head.push(parts[keep + 1]);
  return `/${head.join("/")}`;
}
