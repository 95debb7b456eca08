import { Hono } from "hono";
import { getDb } from "@/db/client";
import { type Actor, can } from "@/lib/auth/actor";
import { actorFromBearer } from "@/lib/auth/api-tokens";
import { logger } from "@/lib/ops/logger";
import { compressAnswers } from "./compress";
import type { Route, RouteRequest } from "./define-route";
import { serveDocs, serveDocsScript } from "./docs";
import { errorResponse, FORBIDDEN, UNAUTHORIZED } from "./errors";
import { openApiDocument } from "./openapi";
import {
  controlCharacterErrors,
  hasControlCharacter,
  malformedSegment,
  queryObject,
  readBodyWithin,
} from "./request-guards";
import { ROUTES } from "./routes";
import { secureWithoutServer } from "./security";

export const API_PREFIX = "/api/v1";

/**
 * The REST API: one Hono router over the route table. Every request passes the same steps
 * in the same order — authenticate, authorise, check the URL, read the body (within its
 * limit), validate, then the route's command or query — so no route can skip one, and no
 * body is read or query run for a caller who is not allowed.
 */
export function buildApi(routes: readonly Route[] = ROUTES) {
  const app = new Hono({ strict: true });
  app.use(`${API_PREFIX}/*`, compressAnswers());
  app.use("*", secureWithoutServer());
  app.use("*", async (c, next) => {
    const path = c.req.path;
    const bad = malformedSegment(new URL(c.req.url).pathname);
    if (bad !== null)
      return errorResponse({
        code: "invalid",
        error: `The path segment "${bad}" is not valid percent-encoding.`,
      });
    if (hasControlCharacter(path))
      return errorResponse({
        code: "invalid",
        error: "The path contains a control character.",
        fieldErrors: { path: "Contains a control character." },
      });
    await next();
  });
  app.onError((error) => {
    logger.error({ err: error }, "api request failed");
    return errorResponse({ code: "internal", error: "Something went wrong on our side." });
  });

  // Static segments before parameters, so /services/facets is never read as a slug.
  for (const route of [...routes].sort(bySpecificity)) {
    app.on(route.method.toUpperCase(), `${API_PREFIX}${honoPath(route.path)}`, (c) =>
      dispatch(route, c.req.raw, c.req.param() as Record<string, string>),
    );
  }
  const document = openApiDocument(routes);
  app.get(`${API_PREFIX}/openapi.json`, () =>
    // Public, like most API descriptions: it documents the API and grants nothing.
    Response.json(document, { headers: { "cache-control": "no-cache" } }),
  );
  app.get("/api/docs", (c) => serveDocs(c.req.raw));
  app.get("/api/docs/scalar.js", (c) => serveDocsScript(c.req.raw));

  const matchers = routeMatchers(routes);
  app.notFound((c) => {
    const path = c.req.path.startsWith(API_PREFIX) ? c.req.path.slice(API_PREFIX.length) : c.req.path;
    const allowed = [
      ...new Set(matchers.filter((m) => m.pattern.test(path)).map((m) => m.route.method.toUpperCase())),
    ];
    if (path === "/openapi.json") allowed.push("GET");
    if (allowed.length)
      return errorResponse(
        {
          code: "method_not_allowed",
          error: `${c.req.method} is not allowed here; use ${allowed.join(", ")}.`,
        },
        { allow: allowed.join(", ") },
      );
    return errorResponse({ code: "not_found", error: `No API route ${c.req.method} ${c.req.path}.` });
  });
  return app;
}

async function dispatch(
  route: Route,
  request: Request,
  rawParams: Record<string, string>,
): Promise<Response> {
  const actor = await actorFromBearer(getDb(), request.headers.get("authorization"));
  if (!actor) return errorResponse(UNAUTHORIZED);
  if (!can(actor, route.permission)) return errorResponse(FORBIDDEN);

  const url = new URL(request.url);
  const controls = controlCharacterErrors(rawParams, url.searchParams);
  if (controls) return errorResponse({ code: "invalid", error: summary(controls), fieldErrors: controls });

  let body: unknown;
  if (route.body) {
    const read = await readBodyWithin(request, route.body.maxBytes);
    if (!read.ok && read.tooLarge)
      return errorResponse({
        code: "too_large",
        error: `The body is over this route's limit of ${route.body.maxBytes.toLocaleString("en")} bytes.`,
      });
    if (!read.ok) return errorResponse({ code: "invalid", error: "The body is not valid UTF-8." });
    if (route.body.kind === "text") body = read.text;
    else {
      const parsed = jsonObject(read.text);
      if (!parsed.ok) return errorResponse({ code: "invalid", error: parsed.error });
      body = parsed.value;
    }
  }
  const req: RouteRequest = {
    actor: actor as Actor,
    params: rawParams,
    query: queryObject(url.searchParams),
    body,
    request,
  };
  return route.handle(req);
}

function jsonObject(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "The request body must be JSON." };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, error: "The request body must be a JSON object." };
  return { ok: true, value: value as Record<string, unknown> };
}

function summary(fields: Record<string, string>) {
  const entries = Object.entries(fields);
  if (entries.length === 1)
    return entries[0][0].startsWith("_") ? entries[0][1] : `${entries[0][0]}: ${entries[0][1]}`;
  return `${entries.length} parameters need attention.`;
}

const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ":$1");

function routeMatchers(routes: readonly Route[]) {
  return routes.map((route) => ({ route, pattern: pathPattern(route.path) }));
}

let labels: ReturnType<typeof routeMatchers> | null = null;

/**
 * The metrics label of a request: the route it matches (`/api/v1/services/{slug}`), or
 * `/api/v1/:unmatched` — never the path as sent, so made-up paths cannot mint time series.
 */
export function routeLabel(method: string | undefined, url: string | undefined): string {
  labels ??= routeMatchers(ROUTES);
  const path = (url ?? "").split("?")[0];
  if (path === `${API_PREFIX}/openapi.json` || path.startsWith("/api/docs"))
    return path.startsWith("/api/docs") ? "/api/docs" : path;
  const rest = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : path;
  const hit =
    labels.find((m) => m.route.method.toUpperCase() === method && m.pattern.test(rest)) ??
    labels.find((m) => m.pattern.test(rest));
  return hit ? `${API_PREFIX}${hit.route.path}` : `${API_PREFIX}/:unmatched`;
}

function pathPattern(path: string): RegExp {
  const segments = path
    .split("/")
    .map((s) => (s.startsWith("{") ? "[^/]+" : s.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&")));
  return new RegExp(`^${segments.join("/")}$`);
}

/** Compares routes segment by segment: a literal segment sorts before a parameter. */
function bySpecificity(a: Route, b: Route) {
  const sa = a.path.split("/");
  const sb = b.path.split("/");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const pa = sa[i].startsWith("{");
    const pb = sb[i].startsWith("{");
    if (pa !== pb) return pa ? 1 : -1;
  }
  return 0;
}

let shared: Hono | null = null;

/** The process's one router (the OpenAPI document is built once). */
export function api(): Hono {
  shared ??= buildApi();
  return shared;
}
