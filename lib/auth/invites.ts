import { eq } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { userInvites, users } from "@/db/schema";
import type { Actor } from "./actor";
import { hashToken } from "./token-secret";

/**
 * The person an invite link stands for, as the actor who accepts it: the link is their
 * credential, like a password. Null for a link that does not exist, was used or expired.
 * `acceptInvite` checks the same again under lock before it sets the password.
 */
export async function inviteeActor(
  token: unknown,
  db: Queryable = getDb(),
): Promise<Extract<Actor, { kind: "user" }> | null> {
  if (typeof token !== "string" || token.length < 10 || token.length > 200) return null;
  const [row] = await db
    .select({
      invite: userInvites,
      user: { id: users.id, email: users.email, name: users.name, role: users.role },
    })
    .from(userInvites)
    .innerJoin(users, eq(users.id, userInvites.userId))
    .where(eq(userInvites.tokenHash, hashToken(token)));
  if (!row || row.invite.usedAt || row.invite.expiresAt < new Date()) return null;
  return { kind: "user", via: "web", user: row.user };
}
