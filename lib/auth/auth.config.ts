import type { NextAuthConfig } from "next-auth";
import { authSecret } from "./secret";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * The part of the next-auth configuration that needs no database: the proxy uses it to
 * check the session cookie before a page renders. Providers and callbacks that read the
 * database live in ./auth.ts.
 */
export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [],
    callbacks: {
      session({ session, token }) {
        if (token.uid) session.user.id = token.uid;
        session.sv = token.sv;
        session.sid = token.sid;
        return session;
      },
    },
  };
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    /** The server-side session (auth_sessions) the sign-in opened. */
    sessionId?: string;
  }
  interface Session {
    /** The user's session version when this session was issued; see users.session_version. */
    sv?: number;
    /** The server-side session this cookie stands for; see auth_sessions and lib/auth/session-store.ts. */
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}
