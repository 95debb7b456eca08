import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { Counts } from "./math";
import { decompose, type Grain } from "./ranges";
import type { Interval } from "./windows";

/** SLOs that read the same instants: one window (and the same exclusions) for all of them. */
export type CountGroup = { key: string; sloIds: readonly string[]; intervals: readonly Interval[] };

const TABLES: Record<Grain, { table: string; column: string }> = {
  day: { table: "sli_daily", column: "day_start" },
  hour: { table: "sli_hourly", column: "hour_start" },
  bucket: { table: "sli_buckets", column: "bucket_start" },
};

const iso = (t: number) => new Date(t).toISOString();

/** `{a,b}` — a uuid[] literal, one parameter however many SLOs. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

/**
 * Σgood and Σtotal per group and SLO over each group's intervals, in one statement: every
 * interval is split into whole days (daily rollup), whole hours (hourly rollup) and 5-minute
 * edges (raw buckets), so a 90-day window never scans the raw buckets.
 */
export async function countsFor(db: Queryable, groups: readonly CountGroup[]): Promise<Map<string, Counts>> {
  const parts: SQL[] = [];
  for (const group of groups) {
    if (!group.sloIds.length) continue;
    const byGrain = new Map<Grain, Interval[]>();
    for (const interval of group.intervals)
      for (const piece of decompose(interval)) {
        const list = byGrain.get(piece.grain) ?? [];
        list.push(piece);
        byGrain.set(piece.grain, list);
      }
    for (const [grain, pieces] of byGrain) {
      const { table, column } = TABLES[grain];
      const when = sql.join(
        pieces.map(
          (p) =>
            sql`(${sql.identifier(column)} >= ${iso(p.start)}::timestamptz and ${sql.identifier(column)} < ${iso(p.end)}::timestamptz)`,
        ),
        sql` or `,
      );
      parts.push(sql`select ${group.key}::text as k, slo_id, good, total from ${sql.identifier(table)}
        where slo_id = any(${uuidArray(group.sloIds)}::uuid[]) and (${when})`);
    }
  }
  const out = new Map<string, Counts>();
  if (!parts.length) return out;
  const result = await db.execute(sql`
    select k, slo_id, sum(good)::float8 as good, sum(total)::float8 as total
    from (${sql.join(parts, sql` union all `)}) x group by k, slo_id`);
  for (const row of rowsOf<{ k: string; slo_id: string; good: number; total: number }>(result))
    out.set(`${row.k}|${row.slo_id}`, { good: Number(row.good), total: Number(row.total) });
  return out;
}

/**
 * Timeslices: per group and SLO, how many slices had traffic and how many of those met the
 * slice target. Slices are aligned to the epoch; a slice's counts are its buckets inside
 * the group's intervals.
 */
export async function sliceCountsFor(
  db: Queryable,
  groups: readonly (CountGroup & { sliceMinutes: number; sliceTarget: number })[],
): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  const parts: SQL[] = [];
  for (const g of groups) {
    if (!g.sloIds.length || !g.intervals.length) continue;
    const when = sql.join(
      g.intervals.map(
        (i) =>
          sql`(bucket_start >= ${iso(i.start)}::timestamptz and bucket_start < ${iso(i.end)}::timestamptz)`,
      ),
      sql` or `,
    );
    const sliceSeconds = g.sliceMinutes * 60;
    parts.push(sql`select k, slo_id, count(*)::float8 as total,
        (count(*) filter (where good::float8 / total >= ${g.sliceTarget}::float8))::float8 as good
      from (
        select ${g.key}::text as k, slo_id, floor(extract(epoch from bucket_start) / ${sliceSeconds}::int) as slice,
          sum(good) as good, sum(total) as total
        from sli_buckets where slo_id = any(${uuidArray(g.sloIds)}::uuid[]) and (${when})
        group by slo_id, slice
      ) s where total > 0 group by k, slo_id`);
  }
  if (!parts.length) return out;
  const result = await db.execute(sql.join(parts, sql` union all `));
  for (const row of rowsOf<{ k: string; slo_id: string; good: number; total: number }>(result))
    out.set(`${row.k}|${row.slo_id}`, { good: Number(row.good), total: Number(row.total) });
  return out;
}
