import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type User, userIdentities, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { provisionSsoUser, type SsoRefusal } from "@/lib/admin/user-commands";
import { executeCommand } from "@/lib/command/execute";
import { userActor } from "./password-sign-in";
import type { RequestFacts } from "./request-facts";
import { startSession } from "./session-commands";

export type SsoClaims = {
  issuer: string;
  subject: string;
  email: string;
  /** The provider's `email_verified`; true only when it says so (`true` or `"true"`). */
  emailVerified: boolean;
  name: string;
  /** The role the groups claim maps to (lib/auth/oidc-roles.ts). */
  role: Role;
};

export type SsoSignIn =
  | { ok: true; user: User; sessionId: string }
  | { ok: false; error: SsoRefusal | "sso_failed" };

/**
 * A verified ID token to a Pharos user and a new server-side session. The person is
 * resolved first — the account linked to this provider identity, else the account with
 * this email, else a new account with an id chosen here — so that provisioning runs as
 * that person, never as the system; the command checks the same under lock.
 */
export async function signInWithSso(db: Db, claims: SsoClaims, facts: RequestFacts): Promise<SsoSignIn> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const person = await resolvePerson(db, claims);
    const result = await executeCommand(provisionSsoUser, userActor(person), claims);
    if (!result.ok) {
      if (result.code === "conflict") continue;
      const reason = (result.details as { reason?: SsoRefusal } | undefined)?.reason;
      return { ok: false, error: reason ?? "sso_failed" };
    }
    const started = await executeCommand(startSession, userActor(result.data), {
      method: "oidc",
      userAgent: facts.userAgent,
      address: facts.address,
    });
    if (!started.ok) return { ok: false, error: started.code === "forbidden" ? "deactivated" : "sso_failed" };
    return { ok: true, user: result.data, sessionId: started.data.sessionId };
  }
  return { ok: false, error: "sso_failed" };
}

async function resolvePerson(db: Db, claims: SsoClaims) {
  const [linked] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, claims.issuer), eq(userIdentities.subject, claims.subject)));
  if (linked) return linked.user;
  const [byEmail] = await db.select().from(users).where(eq(users.email, claims.email.trim().toLowerCase()));
  return (
    byEmail ?? { id: randomUUID(), email: claims.email, name: claims.name || claims.email, role: claims.role }
  );
}

/** `email_verified` as providers send it: a boolean, or the string "true" from some. */
export function emailVerifiedClaim(value: unknown): boolean {
  return value === true || value === "true";
}
