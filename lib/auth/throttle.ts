import { and, inArray, lt, or, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { loginThrottle } from "@/db/schema";
import { lockoutSeconds, THROTTLE, type ThrottleKey, type ThrottleKind } from "./throttle-policy";

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

class Refused extends Error {}

const t = loginThrottle;

/**
 * Reserves one sign-in try on every counter, before the password is checked: the check
 * and the count are one step, so fifty parallel guesses get exactly the free allowance.
 *
 * Each counter is one upsert that counts the try only if the counter is not locked (the
 * `setWhere` is judged on the row as it stands once this transaction holds it, after any
 * parallel try committed) and locks it at once when the count reaches its limit. No row
 * back means the counter is locked: the whole transaction rolls back, so a try refused by
 * one counter is not counted by the others. Counters are taken in key order, so parallel
 * tries queue instead of deadlocking.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Reservation> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  try {
    await db.transaction(async (tx) => {
      for (const { key, kind } of sorted) {
        const [row] = await reserveOne(tx, key, kind, now);
        if (!row) throw new Refused();
      }
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { allowed: false, retryAfterSeconds: await secondsUntilAllowed(db, keys, now) };
  }
  if (Math.random() < 0.01) await forgetQuietCounters(db, now);
  return { allowed: true };
}

function reserveOne(tx: Queryable, key: string, kind: ThrottleKind, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const forgetBefore = new Date(now.getTime() - THROTTLE.forgetAfterSeconds * 1000).toISOString();
  const attempts = sql`(case when ${t.lastFailureAt} < ${forgetBefore}::timestamptz then 1 else ${t.failures} + 1 end)`;
  // lockoutSeconds(attempts, kind), in SQL, because `attempts` is only known once the row is held.
  // The policy's numbers are constants of this module, not input.
  const { free, maxDelaySeconds } = THROTTLE.kinds[kind];
  const n = (v: number) => sql.raw(String(Math.trunc(v)));
  const lockedUntil = sql`case when ${attempts} < ${n(free)} then null else ${at} + make_interval(secs => least(${n(maxDelaySeconds)}, ${n(THROTTLE.baseDelaySeconds)} * power(2, least(${attempts} - ${n(free)}, 30)))) end`;
  const firstLock = lockoutSeconds(1, kind);
  return tx
    .insert(t)
    .values({
      key,
      failures: 1,
      lastFailureAt: now,
      lockedUntil: firstLock > 0 ? new Date(now.getTime() + firstLock * 1000) : null,
    })
    .onConflictDoUpdate({
      target: t.key,
      set: { failures: attempts, lastFailureAt: now, lockedUntil },
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at}`,
    })
    .returning({ failures: t.failures });
}

/** Seconds until every one of these counters would take a try again; 0 when none is locked. */
export async function secondsUntilAllowed(
  db: Queryable,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<number> {
  const rows = await db
    .select({ lockedUntil: t.lockedUntil })
    .from(t)
    .where(
      inArray(
        t.key,
        keys.map((k) => k.key),
      ),
    );
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now) {
      wait = Math.max(wait, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
    }
  }
  return wait;
}

/**
 * A try that turned out to be the right password: the account's counters (this pair and
 * the account ceiling) start again, and the address gets its reserved try back — it
 * was not a failure — without forgetting the failures others made from there.
 */
export async function settleSuccess(db: Queryable, keys: ThrottleKey[]) {
  const cleared = keys.filter((k) => k.kind !== "address").map((k) => k.key);
  if (cleared.length) await db.delete(t).where(inArray(t.key, cleared));
  for (const { key } of keys.filter((k) => k.kind === "address")) {
    const { free } = THROTTLE.kinds.address;
    await db
      .update(t)
      .set({
        failures: sql`greatest(${t.failures} - 1, 0)`,
        lockedUntil: sql`case when ${t.failures} - 1 < ${sql.raw(String(free))} then null else ${t.lockedUntil} end`,
      })
      .where(sql`${t.key} = ${key}`);
  }
}

/** Counters quiet for a day and not locked are gone for good; keeps the table small under attack. */
async function forgetQuietCounters(db: Queryable, now: Date) {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db
    .delete(t)
    .where(and(lt(t.lastFailureAt, dayAgo), or(sql`${t.lockedUntil} is null`, lt(t.lockedUntil, now))));
}
