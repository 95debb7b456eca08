import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { provisionSsoUser, recordLogin } from "@/lib/admin/user-commands";
import { executeCommand } from "@/lib/command/execute";
import { oidcSettings } from "@/lib/config/env";
import { logger } from "@/lib/ops/logger";
import { baseAuthConfig } from "./auth.config";
import { clientIp } from "./client-ip";
import { parseRoleMapping, roleFromGroups } from "./oidc-roles";
import { verifyPassword } from "./password";
import { clearFailures, recordFailure, secondsUntilAllowed } from "./throttle";
import { throttleKeys } from "./throttle-policy";

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

async function authorizePassword(credentials: Partial<Record<string, unknown>>) {
  const email = String(credentials.email ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
  const password = String(credentials.password ?? "").slice(0, 1000);
  const db = getDb();
  const keys = throttleKeys(email, await clientIp());
  const wait = await secondsUntilAllowed(db, keys);
  if (wait > 0) throw new TooManyAttempts(wait);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!ok || !user) {
    await recordFailure(db, keys);
    throw new InvalidCredentials();
  }
  if (user.deactivatedAt) throw new AccountDeactivated();
  await clearFailures(db, keys.slice(0, 1));
  await executeCommand(recordLogin, actorFor(user), { method: "password" });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

function actorFor(user: { id: string; email: string; name: string; role: Role }) {
  return { kind: "user", via: "web", user } as const;
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

/** Creates or updates the SSO user, mapping the configured groups claim to a role. */
async function provisionFromProfile(profile: Record<string, unknown>) {
  const oidc = oidcSettings()!;
  const role = roleFromGroups(
    profile[oidc.groupsClaim],
    parseRoleMapping(oidc.roleMapping),
    oidc.defaultRole as Role,
  );
  const email = String(profile.email ?? "");
  const name = String(profile.name ?? profile.preferred_username ?? "");
  return executeCommand(
    provisionSsoUser,
    { kind: "system", via: "system", label: "sso" },
    { email, name, role },
  );
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = baseAuthConfig();
  return {
    ...base,
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
        authorize: authorizePassword,
      }),
      ...oidcProviders(),
    ],
    callbacks: {
      ...base.callbacks,
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        if (!profile?.email) return "/login?error=sso_no_email";
        const result = await provisionFromProfile(profile as Record<string, unknown>);
        if (!result.ok)
          return result.code === "forbidden" ? "/login?error=deactivated" : "/login?error=sso_failed";
        // Carry the Pharos identity to the jwt callback through the profile object.
        (profile as Record<string, unknown>).pharosUserId = result.data.id;
        (profile as Record<string, unknown>).pharosSessionVersion = result.data.sessionVersion;
        await executeCommand(recordLogin, actorFor(result.data), { method: "oidc" });
        return true;
      },
      jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && profile) {
          token.uid = String(profile.pharosUserId);
          token.sv = Number(profile.pharosSessionVersion);
        } else if (user?.id) {
          token.uid = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
    },
  };
});
