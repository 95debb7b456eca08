import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { type AuthSession, authSessions } from "@/db/schema";
import { defineQuery } from "@/lib/query/define";
import { describeUserAgent } from "./user-agent";

/** A session as the sessions page and the API show it; never anything that would let one resume it. */
export function sessionView(row: AuthSession, currentId?: string) {
  return {
    id: row.id,
    device: describeUserAgent(row.userAgent),
    userAgent: row.userAgent,
    address: row.address,
    method: row.method,
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    current: row.id === currentId,
  };
}

export type SessionView = ReturnType<typeof sessionView>;

/**
 * The caller's live sessions, the one in use (`current`, known to the page from its own
 * cookie) first and then by last activity. Ended and expired ones are not listed.
 */
export const ownSessionsRead = defineQuery({
  name: "session.list_own",
  permission: "session.manage_own",
  input: z.object({ current: z.uuid().optional() }),
  async run({ db, actor }, input) {
    if (actor.kind !== "user") return [];
    const rows = await db
      .select()
      .from(authSessions)
      .where(
        and(
          eq(authSessions.userId, actor.user.id),
          isNull(authSessions.endedAt),
          gt(authSessions.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(authSessions.lastSeenAt), desc(authSessions.createdAt))
      .limit(200);
    const views = rows.map((row) => sessionView(row, input.current));
    return [...views.filter((v) => v.current), ...views.filter((v) => !v.current)];
  },
});
