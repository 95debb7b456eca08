import { type NextRequest, NextResponse } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Sends visitors without a session cookie to /login, remembering where they were going.
 * It only looks for the cookie: every page validates the session (signature, user still
 * active, session version) against the database anyway, so decrypting it here as well
 * would double the cost of each page for nothing.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`)))
    return NextResponse.next();
  const login = new URL("/login", request.nextUrl.origin);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
}

export const config = {
  // Public: sign-in and invites, the API (bearer tokens), health/metrics, and static files.
  matcher: ["/((?!login|invite|api/|_next/static|_next/image|favicon\\.svg|robots\\.txt).*)"],
};
