import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { getHandle } from "@/db/client";

/**
 * `sli_buckets` is range-partitioned by month (migration 0010). Partitions are made ahead
 * of the data (at start and before a batch that reaches a month without one), each in a
 * short transaction of its own: creating a partition locks the parent table, which must
 * never be held for the length of an ingestion. Retention drops whole months.
 */

/** Partitions known to exist, per database (tests open several in one process). */
const knownByDb = new WeakMap<object, Set<string>>();
const knownFor = (db: Queryable) => {
  const set = knownByDb.get(db) ?? new Set<string>();
  knownByDb.set(db, set);
  return set;
};

/** `sli_buckets_y2026m03` for any instant in March 2026 (UTC). */
export function partitionName(t: number): string {
  const d = new Date(t);
  return `sli_buckets_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function monthStart(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

const nextMonth = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/** Makes sure every month holding one of `instants` has its partition. */
export async function ensurePartitions(instants: Iterable<number>, db: Queryable = getHandle().db) {
  const known = knownFor(db);
  const months = new Map<string, number>();
  for (const t of instants) {
    const name = partitionName(t);
    if (!known.has(name)) months.set(name, monthStart(t));
  }
  for (const [name, start] of months) {
    const rows = (await db.execute(sql`select to_regclass(${name}) is not null as present`)) as unknown as {
      present: boolean;
    }[];
    if (!rows[0]?.present) {
      await db.transaction(async (tx) => {
        // One creator per month however many nodes ingest at once.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pharos:partition:${name}`}))`);
        await tx.execute(
          sql.raw(
            `create table if not exists "${name}" partition of sli_buckets for values from ('${new Date(start).toISOString()}') to ('${new Date(nextMonth(start)).toISOString()}')`,
          ),
        );
      });
    }
    known.add(name);
  }
}

/** Partitions from `retentionDays` ago to next month, so ingestion rarely has to make one. */
export async function preparePartitions(now: number, retentionDays: number, db: Queryable = getHandle().db) {
  const instants: number[] = [];
  for (let t = monthStart(now - retentionDays * 86_400_000); t <= nextMonth(now); t = nextMonth(t))
    instants.push(t);
  await ensurePartitions(instants, db);
}

/**
 * Drops the months that ended before the retention horizon, and the hourly rollups as old.
 * Daily rollups stay: they are a row a day per SLO and keep the monthly history.
 */
export async function dropExpired(now: number, retentionDays: number, db: Queryable = getHandle().db) {
  const horizon = now - retentionDays * 86_400_000;
  const rows = (await db.execute(sql`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'sli_buckets'`)) as unknown as { name: string }[];
  const dropped: string[] = [];
  const known = knownFor(db);
  for (const { name } of rows) {
    const m = /^sli_buckets_y(\d{4})m(\d{2})$/.exec(name);
    if (!m) continue;
    const end = Date.UTC(Number(m[1]), Number(m[2]), 1);
    if (end <= horizon) {
      await db.execute(sql.raw(`drop table if exists "${name}"`));
      known.delete(name);
      dropped.push(name);
    }
  }
  await db.execute(
    sql`delete from sli_hourly where hour_start < ${new Date(horizon).toISOString()}::timestamptz`,
  );
  return dropped;
}
