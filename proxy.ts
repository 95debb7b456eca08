import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { baseAuthConfig } from "@/lib/auth/auth.config";

// Built when the proxy first loads (at runtime, not at build), so the secret is read then.
const { auth } = NextAuth(baseAuthConfig());

/**
 * Sends visitors without a session cookie to /login, remembering where they were going.
 * This only checks the cookie's signature; pages re-check the user against the database.
 */
export default auth((request) => {
  if (request.auth) return NextResponse.next();
  const login = new URL("/login", request.nextUrl.origin);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
});

export const config = {
  // Public: sign-in and invites, the API (bearer tokens), health/metrics, and static files.
  matcher: ["/((?!login|invite|api/|_next/static|_next/image|favicon\\.svg|robots\\.txt).*)"],
};
