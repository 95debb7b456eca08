import { eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { loginThrottle } from "@/db/schema";
import { kindOf, lockoutSeconds, THROTTLE } from "./throttle-policy";

/** Seconds until these keys may try again; 0 when none is locked. */
export async function secondsUntilAllowed(db: Queryable, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now) {
      wait = Math.max(wait, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
    }
  }
  return wait;
}

/**
 * Counts one more failure per key. The count is bumped in a single upsert so parallel
 * guesses cannot overwrite each other's increments; a quiet hour starts the count anew.
 */
export async function recordFailure(db: Queryable, keys: string[], now = new Date()) {
  const forgetBefore = new Date(now.getTime() - THROTTLE.forgetAfterSeconds * 1000);
  for (const key of keys) {
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: loginThrottle.failures });
    const wait = lockoutSeconds(row.failures, kindOf(key));
    if (wait > 0) {
      // Parallel failures finish in any order: never let a smaller count shorten the lock.
      const until = new Date(now.getTime() + wait * 1000).toISOString();
      await db
        .update(loginThrottle)
        .set({
          lockedUntil: sql`greatest(coalesce(${loginThrottle.lockedUntil}, ${until}::timestamptz), ${until}::timestamptz)`,
        })
        .where(eq(loginThrottle.key, key));
    }
  }
}

export async function clearFailures(db: Queryable, keys: string[]) {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}
