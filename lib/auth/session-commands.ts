import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { authSessions, users } from "@/db/schema";
import { uuidField } from "@/lib/admin/schemas";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { SESSION_MAX_AGE_SECONDS } from "./auth.config";
import { normalizeAddress } from "./client-address.mjs";
import { endSessionsOf } from "./session-store";
import { shortUserAgent } from "./user-agent";

/** Ended or expired sessions are kept this long after they expire, then removed at the user's next sign-in. */
const PRUNE_AFTER_DAYS = 31;

const addressField = z
  .string()
  .max(100)
  .nullable()
  .transform((raw, ctx) => {
    if (raw === null) return null;
    const address = normalizeAddress(raw);
    if (!address) ctx.addIssue({ code: "custom", message: "Not an IP address." });
    return address;
  });

/**
 * Opens the server-side session a sign-in cookie will point at, run as the person who has
 * just proved who they are (a password, or the SSO provider's word). It records the
 * sign-in too, so every session has an audit row naming where it came from.
 */
export const startSession = defineCommand({
  name: "user.login",
  permission: "session.sign_in",
  input: z.object({
    method: z.enum(["password", "oidc"]),
    userAgent: z.string().max(4000).default(""),
    address: addressField.default(null),
  }),
  async run({ tx, audit, actor }, input) {
    if (actor.kind !== "user") throw fail.forbidden("Only a person signs in.");
    const now = new Date();
    const [user] = await tx
      .update(users)
      .set({ lastLoginAt: now })
      .where(eq(users.id, actor.user.id))
      .returning({ deactivatedAt: users.deactivatedAt });
    if (!user) throw fail.notFound("No such user.");
    if (user.deactivatedAt) throw fail.forbidden("This account has been deactivated.");
    // Housekeeping: sessions over for a month are no one's history any more (the throttle's
    // known addresses look back thirty days from sign-in, which these are well past).
    await tx
      .delete(authSessions)
      .where(
        and(
          eq(authSessions.userId, actor.user.id),
          lt(authSessions.expiresAt, new Date(now.getTime() - PRUNE_AFTER_DAYS * 86_400_000)),
        ),
      );
    const [session] = await tx
      .insert(authSessions)
      .values({
        userId: actor.user.id,
        userAgent: shortUserAgent(input.userAgent),
        address: input.address,
        method: input.method,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      })
      .returning();
    await audit({
      entityType: "user",
      entityId: actor.user.id,
      after: { method: input.method, sessionId: session.id, address: session.address },
    });
    return { sessionId: session.id, expiresAt: session.expiresAt };
  },
});

/**
 * Ends one of the caller's own sessions (signing out, or "End" on the sessions page): its
 * cookie stops working on the next request, wherever it was copied to. Ending a session
 * that already ended changes nothing and says so.
 */
export const endSession = defineCommand({
  name: "session.end",
  permission: "session.manage_own",
  input: z.object({ id: uuidField }),
  async run({ tx, audit, actor, unchanged }, input) {
    if (actor.kind !== "user") throw fail.forbidden("Sessions belong to people.");
    const [row] = await tx
      .select()
      .from(authSessions)
      .where(and(eq(authSessions.id, input.id), eq(authSessions.userId, actor.user.id)))
      .for("update");
    // Someone else's session is as absent as a made-up id: ids are not for probing.
    if (!row) throw fail.notFound("No such session.");
    const now = new Date();
    if (row.endedAt || row.expiresAt <= now) {
      unchanged();
      return { id: row.id, endedAt: row.endedAt ?? row.expiresAt, ended: true as const };
    }
    const [after] = await tx
      .update(authSessions)
      .set({ endedAt: now })
      .where(eq(authSessions.id, row.id))
      .returning();
    await audit({
      entityType: "session",
      entityId: row.id,
      before: { endedAt: null },
      after: { endedAt: after.endedAt, userId: row.userId },
    });
    return { id: after.id, endedAt: after.endedAt ?? now, ended: true as const };
  },
});

/** "End all other sessions": every live session of the caller but `keep` (the one in use). */
export const endOtherSessions = defineCommand({
  name: "session.end_others",
  permission: "session.manage_own",
  input: z.object({ keep: uuidField.optional() }),
  async run({ tx, audit, actor, unchanged }, input) {
    if (actor.kind !== "user") throw fail.forbidden("Sessions belong to people.");
    const ended = await endSessionsOf(tx, actor.user.id, { except: input.keep });
    if (!ended.length) {
      unchanged();
      return { ended: 0 };
    }
    await audit({ entityType: "user", entityId: actor.user.id, after: { endedSessions: ended } });
    return { ended: ended.length };
  },
});

/**
 * An admin ends every live session of a user (a lost laptop, a leaving employee before
 * deactivation): they must sign in again. API tokens are not touched; revoke those apart.
 */
export const endUserSessions = defineCommand({
  name: "user.end_sessions",
  permission: "user.manage",
  input: z.object({ id: uuidField }),
  async run({ tx, audit, unchanged }, input) {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, input.id));
    if (!user) throw fail.notFound("No such user.");
    const ended = await endSessionsOf(tx, user.id);
    if (!ended.length) {
      unchanged();
      return { userId: user.id, email: user.email, ended: 0 };
    }
    await audit({ entityType: "user", entityId: user.id, after: { endedSessions: ended } });
    return { userId: user.id, email: user.email, ended: ended.length };
  },
});
