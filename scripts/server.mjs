/**
 * The production server: Next's request handler inside a plain Node HTTP server, so that
 * every request is measured (Prometheus histogram), logged as one JSON line, and tagged
 * with the caller's real address (for sign-in throttling and sessions).
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import pino from "pino";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { parseTrustedProxies, STAMPED_BY_SERVER, stampClientFacts } from "../lib/auth/client-address.mjs";
import { APPLIED_BY_SERVER, secureNodeExchange, securitySettings } from "../lib/http/security-headers.mjs";
import { logOptions, routeConsole, safePath } from "../lib/ops/log-redaction.mjs";
import { loadRoutes, ROUTE_LABEL, routeOf } from "./route-label.mjs";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
// Redacted like the app's own logger (lib/ops/log-redaction.mjs); what Next prints with
// console.error about failed renders goes through it too.
const log = pino(logOptions({ level: process.env.LOG_LEVEL ?? "info" }));
routeConsole(log);

const registry = new Registry();
globalThis[Symbol.for("pharos.metrics.registry")] = registry;
collectDefaultMetrics({ register: registry, prefix: "pharos_" });
const requests = new Counter({
  name: "pharos_http_requests_total",
  help: "HTTP requests by method, route group and status",
  labelNames: ["method", "route", "status"],
  registers: [registry],
});
const duration = new Histogram({
  name: "pharos_http_request_duration_seconds",
  help: "HTTP request latency by method and route group",
  labelNames: ["method", "route"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const app = next({ dev: false, hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
// Route labels from the build's own route table, so that made-up paths cannot mint series.
const routes = loadRoutes(path.resolve(process.env.PHAROS_DIST_DIR || ".next"));

// Every /api/v1 request goes to the API router before Next's (lib/api/node.ts, offered by instrumentation.ts).
const apiRouter = () => globalThis[Symbol.for("pharos.api")];

// A typo here stops the start: trusting the wrong hop would let clients pick their address.
const trustedProxies = parseTrustedProxies(process.env.PHAROS_TRUSTED_PROXIES);
globalThis[STAMPED_BY_SERVER] = true;
const security = securitySettings();
globalThis[APPLIED_BY_SERVER] = true;

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  // The client's address and scheme, from the socket and trusted proxies only: they key the
  // sign-in throttle and decide the session cookie's Secure flag (lib/auth/client-address.mjs).
  const client = stampClientFacts(req, { trusted: trustedProxies, authUrl: process.env.AUTH_URL });
  // Security headers and the page's script nonce, on every response whoever answers it.
  secureNodeExchange(req, res, { settings: security, tls: client.https });
  res.on("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = res[ROUTE_LABEL] ?? routeOf(req.url, { routes, status: res.statusCode });
    requests.inc({ method: req.method, route, status: String(res.statusCode) });
    duration.observe({ method: req.method, route }, seconds);
    if (route !== "/_next") {
      log.info(
        {
          method: req.method,
          path: safePath(req.url),
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        },
        "request",
      );
    }
  });
  if (apiRouter()?.(req, res)) return;
  handle(req, res).catch((error) => {
    log.error({ err: error }, "unhandled request error");
    if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
  });
});

server.listen(port, hostname, () => log.info({ port, hostname }, "pharos listening"));

function shutdown(signal) {
  log.info({ signal }, "shutting down");
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
