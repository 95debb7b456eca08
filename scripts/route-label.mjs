import fs from "node:fs";
import path from "node:path";

/**
 * Set on a Node response by whoever matched its route (the API router), to name it for the
 * metrics: `res[ROUTE_LABEL] = "/api/v1/services/:id"`. It wins over the guesses below.
 */
export const ROUTE_LABEL = Symbol.for("pharos.routeLabel");

/**
 * The app's pages and route handlers as Next built them (`routes-manifest.json` in the build
 * folder), each as a label (`/services/[slug]/edit` → `/services/:id/edit`) and a matcher.
 * Null when the build has none (then labels fall back to collapsing path segments).
 *
 * @param {string} distDir
 * @returns {{ label: string, exact?: string, regex?: RegExp }[] | null}
 */
export function loadRoutes(distDir) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
  } catch {
    return null;
  }
  const flags = manifest.caseSensitive ? "" : "i";
  const label = (page) => page.replace(/\[\[?\.\.\.[^\]]+\]\]?/g, "*").replace(/\[[^\]]+\]/g, ":id");
  return [
    ...(manifest.staticRoutes ?? []).map((r) => ({ label: r.page, exact: r.page.toLowerCase() })),
    ...(manifest.dynamicRoutes ?? []).map((r) => ({
      label: label(r.page),
      regex: new RegExp(r.regex, flags),
    })),
  ];
}

/**
 * The `route` label of a request. Labels must stay few whatever clients send: a scanner
 * asking for a million made-up paths must not make a million time series. So pages are
 * named by the route Next would serve (anything else is `/:unmatched`), and the API by its
 * collapsed path unless its router named the route — an API 404 is `/api/v1/:unmatched`.
 *
 * @param {string | undefined} url
 * @param {{ routes?: ReturnType<typeof loadRoutes>, status?: number }} [options]
 */
export function routeOf(url, { routes = null, status } = {}) {
  const pathname = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  if (pathname.startsWith("/_next/")) return "/_next";
  if (/^\/api\/(v1|docs)(\/|$)/.test(pathname)) {
    const collapsed = collapse(pathname);
    return status === 404 ? `${collapsed.split("/").slice(0, 3).join("/")}/:unmatched` : collapsed;
  }
  if (!routes) return collapse(pathname);
  const trimmed = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  const lower = trimmed.toLowerCase();
  for (const route of routes) {
    if (route.exact !== undefined ? route.exact === lower : route.regex?.test(trimmed)) return route.label;
  }
  return "/:unmatched";
}

/**
 * Collapses ids and slugs (`/services/payments-api` → `/services/:id`). A literal segment
 * that does not look like a resource name (percent-escapes, control characters, a novel)
 * is `:unmatched`: no route has one.
 */
function collapse(pathname) {
  const parts = pathname.split("/").filter(Boolean);
  const keep = parts[0] === "api" ? 3 : parts[0] === "admin" || parts[0] === "settings" ? 2 : 1;
  const literal = (segment) => (/^[a-z][a-z0-9._-]{0,39}$/i.test(segment) ? segment : ":unmatched");
  const head = parts.slice(0, keep).map(literal);
  if (parts.length > keep) head.push(":id");
  if (parts.length > keep + 1) head.push(literal(parts[keep + 1]));
  return `/${head.join("/")}`;
}
