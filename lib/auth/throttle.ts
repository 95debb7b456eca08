import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { loginThrottle } from "@/db/schema";
import { kindOf, lockoutSeconds, nextFailureCount } from "./throttle-policy";

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

export async function recordFailure(db: Queryable, keys: string[], now = new Date()) {
  for (const key of keys) {
    await db.transaction(async (tx) => {
      // Lock the row so parallel guesses cannot all read the same count.
      const [row] = await tx
        .select()
        .from(loginThrottle)
        .where(sql`${loginThrottle.key} = ${key}`)
        .for("update");
      const failures = nextFailureCount(row?.failures ?? 0, row?.lastFailureAt ?? null, now);
      const wait = lockoutSeconds(failures, kindOf(key));
      const lockedUntil = wait > 0 ? new Date(now.getTime() + wait * 1000) : null;
      await tx
        .insert(loginThrottle)
        .values({ key, failures, lastFailureAt: now, lockedUntil })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: { failures, lastFailureAt: now, lockedUntil },
        });
    });
  }
}

export async function clearFailures(db: Queryable, keys: string[]) {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}
