import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { logger } from "@/lib/ops/logger";
import { type ApiCall, errorReply, type Reply } from "./rest";
import { listServicesReply, serviceFacetsReply, serviceReply } from "./service-reads";

/*
 * The fast lane: the hottest REST reads answered straight from the production server
 * (scripts/server.mjs), without Next's router, whose fixed cost per request (≈4 ms on a
 * 2-core machine) is several times the whole read, and without building web Request and
 * Response objects (≈0.3 ms more). It runs the very functions the route files wrap, so the
 * answer is the same either way; anything it does not know goes to Next untouched. Only
 * GETs: they have no body, and the API takes bearer tokens, never cookies, so there is no
 * session or page involved.
 */

type Read = (call: ApiCall) => Promise<Reply>;

const SERVICES = "/api/v1/services";

/** The read for a method and URL, or null when Next should handle the request. */
export function fastRead(method: string | undefined, url: string | undefined): Read | null {
  if (method !== "GET" || !url) return null;
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (path === SERVICES) return listServicesReply;
  if (!path.startsWith(`${SERVICES}/`)) return null;
  const rest = path.slice(SERVICES.length + 1);
  if (rest === "facets") return serviceFacetsReply;
  // One non-empty segment: a slug. Deeper paths (dependencies, verify, YAML) stay with Next.
  if (!rest || rest.includes("/")) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(rest);
  } catch {
    return null; // A malformed escape: Next answers it as it would any other.
  }
  return (call) => serviceReply(call, slug);
}

/** Serves `req` and returns true if it is a fast-lane read; otherwise touches nothing and returns false. */
export function serveFast(req: IncomingMessage, res: ServerResponse): boolean {
  const read = fastRead(req.method, req.url);
  if (!read) return false;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const call: ApiCall = {
    authorization: req.headers.authorization ?? null,
    params: new URLSearchParams(q === -1 ? "" : url.slice(q + 1)),
    url,
  };
  Promise.resolve()
    .then(() => read(call))
    .catch((error: unknown) => {
      logger.error({ err: error, url }, "fast lane read failed");
      return errorReply({ code: "internal", error: "Something went wrong on our side." });
    })
    .then((reply) => send(req, res, reply))
    .catch((error: unknown) => {
      // Nothing sensible can be written any more: end the exchange rather than the process.
      logger.error({ err: error, url }, "fast lane could not answer");
      res.destroy();
    });
  return true;
}

const gzip = promisify(zlib.gzip);

/** Below this a response goes uncompressed, as Next's own compression would leave it. */
const COMPRESS_FROM_BYTES = 1024;

async function send(req: IncomingMessage, res: ServerResponse, reply: Reply) {
  let body = Buffer.from(JSON.stringify(reply.body));
  const headers: Record<string, string | number> = {
    ...reply.headers,
    "content-type": "application/json",
    vary: "accept-encoding",
    // Which door answered, for whoever is debugging a response.
    "x-pharos-lane": "fast",
  };
  if (body.length >= COMPRESS_FROM_BYTES && acceptsGzip(req.headers["accept-encoding"])) {
    body = await gzip(body);
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = body.length;
  res.writeHead(reply.status, headers);
  res.end(body);
}

/** Whether `Accept-Encoding` allows gzip (`gzip`, `*`, not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const allowed = !q || Number(q.slice(2)) > 0;
    if (coding.trim() === "gzip") return allowed;
    if (coding.trim() === "*") star = allowed;
  }
  return star;
}

export const FAST_LANE_KEY = Symbol.for("pharos.fastLane");

/** Offers the lane to scripts/server.mjs, which looks for it on every request. */
export function registerFastLane() {
  (globalThis as Record<symbol, unknown>)[FAST_LANE_KEY] = serveFast;
}
