import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { preparedPer } from "@/db/prepared";
import { authSessions, users } from "@/db/schema";
import type { Actor } from "./actor";
import { throttleAddress } from "./client-address.mjs";

/** A person signed in through the browser, with the server-side session they came in on. */
export type WebActor = Extract<Actor, { kind: "user" }> & { sessionId: string };

/** What the session cookie (a signed, encrypted JWT) says about its holder. */
export type SessionClaims = { uid?: unknown; sv?: unknown; sid?: unknown };

/** `last_seen_at` moves at most once a minute, so reading a page does not become a write. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

const uuid = z.uuid();

const sessionById = preparedPer((db) =>
  db
    .select({
      userId: authSessions.userId,
      endedAt: authSessions.endedAt,
      expiresAt: authSessions.expiresAt,
      lastSeenAt: authSessions.lastSeenAt,
      address: authSessions.address,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        sessionVersion: users.sessionVersion,
        deactivatedAt: users.deactivatedAt,
      },
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sql.placeholder("id")))
    .prepare("auth_session_by_id"),
);

/**
 * The person a session cookie stands for, or null. The cookie alone is not enough: its
 * server-side session must exist, belong to the same user, be neither ended (signed out,
 * ended from the sessions page or by an admin) nor expired, and the user must be active
 * with the session version the cookie was issued under (a password set since ends it).
 * A cookie from before server-side sessions (no `sid`) is refused: people sign in again.
 */
export async function actorFromSession(
  db: Queryable,
  claims: SessionClaims | null | undefined,
  seen: { address: string | null; now?: Date } = { address: null },
): Promise<WebActor | null> {
  const sid = uuid.safeParse(claims?.sid);
  if (!sid.success || typeof claims?.uid !== "string") return null;
  const [row] = await sessionById(db).execute({ id: sid.data });
  const now = seen.now ?? new Date();
  if (!row || row.userId !== claims.uid || row.endedAt || row.expiresAt <= now) return null;
  const { user } = row;
  if (user.deactivatedAt || claims.sv !== user.sessionVersion) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await db
      .update(authSessions)
      .set({ lastSeenAt: now, address: seen.address ?? row.address })
      .where(
        and(
          eq(authSessions.id, sid.data),
          lt(authSessions.lastSeenAt, new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS)),
        ),
      );
  }
  return {
    kind: "user",
    via: "web",
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    sessionId: sid.data,
  };
}

/**
 * Ends a user's live sessions in the caller's transaction (all of them, or all but
 * `except`), returning the ids it ended. Ended sessions stay as rows: the list of where
 * one was signed in is history worth keeping until the rows expire.
 */
export async function endSessionsOf(
  tx: Queryable,
  userId: string,
  options: { now?: Date; except?: string } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const rows = await tx
    .update(authSessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(authSessions.userId, userId),
        isNull(authSessions.endedAt),
        sql`${authSessions.expiresAt} > ${now.toISOString()}::timestamptz`,
        options.except ? ne(authSessions.id, options.except) : undefined,
      ),
    )
    .returning({ id: authSessions.id });
  return rows.map((r) => r.id).sort();
}

/**
 * Whether this account has signed in from this address (for IPv6, its /64) within `days`:
 * the sign-in throttle then judges it by its own failures there, not by what strangers did.
 */
export async function hasSignedInFrom(db: Queryable, userId: string, address: string | null, days: number) {
  const net = throttleAddress(address);
  if (!net) return false;
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const [row] = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.userId, userId),
        sql`${authSessions.createdAt} > ${since}::timestamptz`,
        // Stored addresses are normalised (lib/auth/client-address.mjs); the guard keeps a
        // stray value from failing the cast, and so the sign-in.
        sql`case when ${authSessions.address} ~ '^[0-9a-fA-F:.]+$' then ${authSessions.address}::inet <<= ${net}::inet else false end`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
