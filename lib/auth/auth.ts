import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { executeCommand } from "@/lib/command/execute";
import { oidcSettings } from "@/lib/config/env";
import { logger } from "@/lib/ops/logger";
import { baseAuthConfig } from "./auth.config";
import { parseRoleMapping, roleFromGroups } from "./oidc-roles";
import { signInWithPassword, userActor } from "./password-sign-in";
import { currentRequestFacts, type RequestFacts, requestFacts } from "./request-facts";
import { endSession } from "./session-commands";
import { emailVerifiedClaim, signInWithSso } from "./sso-sign-in";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
export class AccountDeactivated extends CredentialsSignin {
  code = "deactivated";
}
export class TooManyAttempts extends CredentialsSignin {
  constructor(readonly retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

async function authorizePassword(credentials: Partial<Record<string, unknown>>, facts: RequestFacts) {
  const result = await signInWithPassword(getDb(), {
    email: String(credentials.email ?? ""),
    password: String(credentials.password ?? ""),
    facts,
  });
  if (result.ok) {
    const { user, sessionId } = result;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      sessionVersion: user.sessionVersion,
      sessionId,
    };
  }
  if (result.reason === "rate_limited") throw new TooManyAttempts(result.retryAfterSeconds);
  if (result.reason === "deactivated") throw new AccountDeactivated();
  throw new InvalidCredentials();
}

function oidcProviders(): NextAuthConfig["providers"] {
  const oidc = oidcSettings();
  if (!oidc) return [];
  return [
    {
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: oidc.scopes } },
    },
  ];
}

/** The ID token's claims as Pharos uses them; the configured groups claim decides the role. */
function ssoClaims(profile: Record<string, unknown>, providerAccountId: string | undefined) {
  const oidc = oidcSettings()!;
  return {
    issuer: String(profile.iss ?? oidc.issuer),
    subject: String(profile.sub ?? providerAccountId ?? ""),
    email: String(profile.email ?? ""),
    emailVerified: emailVerifiedClaim(profile.email_verified),
    name: String(profile.name ?? profile.preferred_username ?? ""),
    role: roleFromGroups(
      profile[oidc.groupsClaim],
      parseRoleMapping(oidc.roleMapping),
      oidc.defaultRole as Role,
    ),
  };
}

/** Signing out ends the server-side session, so a copy of the cookie stops working too. */
async function endSignedOutSession(token: JWT | null) {
  if (!token?.uid || !token.sid) return;
  const [user] = await getDb().select().from(users).where(eq(users.id, token.uid));
  if (!user) return;
  const result = await executeCommand(endSession, userActor(user), { id: token.sid });
  if (!result.ok && result.code !== "not_found")
    logger.warn({ code: result.code }, "sign-out did not end its session");
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  const base = baseAuthConfig();
  // Route handlers are given the request; server components and actions read it from Next.
  const facts = request ? requestFacts(request.headers) : await currentRequestFacts();
  return {
    ...base,
    // Secure (and __Secure-/__Host- prefixed) cookies whenever the browser uses HTTPS, also
    // behind a TLS-terminating proxy that talks plain HTTP to Pharos (lib/auth/client-address.mjs).
    useSecureCookies: facts.https,
    logger: {
      // A wrong password is an expected outcome with its own message, not a server error.
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        logger.error({ err: error }, "auth error");
      },
      warn(code) {
        logger.warn({ code }, "auth warning");
      },
      debug() {},
    },
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizePassword(credentials, requestFacts(req.headers)),
      }),
      ...oidcProviders(),
    ],
    events: {
      async signOut(message) {
        await endSignedOutSession("token" in message ? message.token : null);
      },
    },
    callbacks: {
      ...base.callbacks,
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        if (!profile?.email) return "/login?error=sso_no_email";
        const claims = ssoClaims(profile as Record<string, unknown>, account.providerAccountId);
        const result = await signInWithSso(getDb(), claims, facts);
        if (!result.ok) return `/login?error=${result.error}`;
        // Carry the Pharos identity to the jwt callback through the profile object.
        Object.assign(profile, {
          pharosUserId: result.user.id,
          pharosSessionVersion: result.user.sessionVersion,
          pharosSessionId: result.sessionId,
        });
        return true;
      },
      jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && profile) {
          token.uid = String(profile.pharosUserId);
          token.sv = Number(profile.pharosSessionVersion);
          token.sid = String(profile.pharosSessionId);
        } else if (user?.id) {
          token.uid = user.id;
          token.sv = user.sessionVersion;
          token.sid = user.sessionId;
        }
        return token;
      },
    },
  };
});
