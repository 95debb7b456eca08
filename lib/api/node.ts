import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { logger } from "@/lib/ops/logger";
import { api, routeLabel } from "./router";

const ROUTE_LABEL = Symbol.for("pharos.routeLabel");

/*
 * The router as the production server sees it: scripts/server.mjs offers every request
 * here first, and everything under /api/v1 and /api/docs is answered without Next's router,
 * whose fixed cost per request (≈4 ms on a 2-core machine) is several times a whole read.
 */

const listener = getRequestListener((request) => api().fetch(request), {
  errorHandler: (error) => {
    logger.error({ err: error }, "api listener failed");
  },
});

export function isApiPath(url: string | undefined): boolean {
  if (!url) return false;
  return (
    url === "/api/v1" ||
    url.startsWith("/api/v1/") ||
    url.startsWith("/api/v1?") ||
    url === "/api/docs" ||
    url.startsWith("/api/docs/") ||
    url.startsWith("/api/docs?")
  );
}

/** Serves `req` and returns true when it is an API request; otherwise touches nothing. */
export function serveApi(req: IncomingMessage, res: ServerResponse): boolean {
  if (!isApiPath(req.url)) return false;
  // The metrics label (scripts/route-label.mjs): the route's pattern, never the raw path.
  (res as unknown as Record<symbol, string>)[ROUTE_LABEL] = routeLabel(req.method, req.url);
  listener(req, res).catch((error: unknown) => {
    logger.error({ err: error }, "api could not answer");
    res.destroy();
  });
  return true;
}

export const API_KEY = Symbol.for("pharos.api");

/** Offers the router to scripts/server.mjs, which looks for it on every request. */
export function registerApi() {
  (globalThis as Record<symbol, unknown>)[API_KEY] = serveApi;
}
