import type { MiddlewareHandler } from "hono";
import {
  APPLIED_BY_SERVER,
  createNonce,
  securityHeaders,
  securitySettings,
} from "@/lib/http/security-headers.mjs";

/**
 * The security headers of lib/http/security-headers.mjs on API answers when no production
 * server set them (under `next dev` and `next start` the proxy does not see /api/v1). Under
 * `npm start` scripts/server.mjs has set them before the router runs, and this does nothing.
 */
export function secureWithoutServer(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if ((globalThis as Record<symbol, unknown>)[APPLIED_BY_SERVER]) return;
    const settings = securitySettings();
    const headers = securityHeaders({
      nonce: createNonce(),
      tls: (process.env.AUTH_URL ?? "").startsWith("https:"),
      dev: settings.dev,
      formActionOrigins: settings.formActionOrigins,
    });
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
