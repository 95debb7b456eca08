import { type NextRequest, NextResponse } from "next/server";
import {
  APPLIED_BY_SERVER,
  createNonce,
  securityHeaders,
  securitySettings,
  setAll,
} from "@/lib/http/security-headers.mjs";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// Public: sign-in and invites, and everything under /api (bearer tokens, health, metrics, auth).
const PUBLIC = /^\/(?:login|invite|api\/)/;
const settings = securitySettings();
// Without the production server there is no socket to vouch for X-Forwarded-Proto (`next
// start` passes a client's copy through unchecked), so only AUTH_URL can say "HTTPS" — the
// rule of requestIsHttps in lib/auth/client-address.mjs when no proxy is trusted.
const tls = /^https:/i.test(process.env.AUTH_URL?.trim() ?? "");

/**
 * Sends visitors without a session cookie to /login, remembering where they were going.
 * It only looks for the cookie: every page validates the session (signature, user still
 * active, session version) against the database anyway, so decrypting it here as well
 * would double the cost of each page for nothing.
 *
 * Under `next dev` and `next start` it also sets the security headers and the page's
 * nonce; under `npm start` scripts/server.mjs has already done both for every request.
 */
export function proxy(request: NextRequest) {
  const secured = secureExchange(request);
  const signedIn = SESSION_COOKIES.some(
    (name) => request.cookies.has(name) || request.cookies.has(`${name}.0`),
  );
  if (signedIn || PUBLIC.test(request.nextUrl.pathname)) {
    const response = secured
      ? NextResponse.next({ request: { headers: secured.requestHeaders } })
      : NextResponse.next();
    if (secured) setAll(response.headers, secured.responseHeaders);
    return response;
  }
  const login = new URL("/login", request.nextUrl.origin);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  const response = NextResponse.redirect(login);
  if (secured) setAll(response.headers, secured.responseHeaders);
  return response;
}

/**
 * Without the production server in front, the nonce is made here and handed to the page
 * on the request (Next reads it from the request's Content-Security-Policy, the root layout
 * from `x-nonce`).
 */
function secureExchange(request: NextRequest) {
  if ((globalThis as { [APPLIED_BY_SERVER]?: boolean })[APPLIED_BY_SERVER]) return null;
  const nonce = createNonce();
  const responseHeaders = securityHeaders({ nonce, tls, ...settings });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete("content-security-policy-report-only");
  requestHeaders.set("content-security-policy", responseHeaders["content-security-policy"]);
  requestHeaders.set("x-nonce", nonce);
  return { requestHeaders, responseHeaders };
}

export const config = {
  matcher: [
    {
      // Not static files, which carry no session. Not /api/v1 nor server actions (the
      // `next-action` header): for a request the proxy sees, Next buffers the body and cuts
      // it at 10 MB (a 12 MB catalog import arrived empty), and both check the caller
      // themselves; under `npm start` their headers come from scripts/server.mjs anyway.
      source: "/((?!api/v1/|_next/static|_next/image|favicon\\.svg|robots\\.txt).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
