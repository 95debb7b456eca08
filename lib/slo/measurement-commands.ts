import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/db/rows";
import { assertMayEdit } from "@/lib/catalog/ownership";
import { defineCommand } from "@/lib/command/define";
import { sliRetentionDays } from "@/lib/config/env";
import { ISO_WITH_ZONE } from "@/lib/validation/time";
import { evaluateAlerts } from "./alerts";
import { ensurePartitions } from "./partitions";
import { refreshServiceScorecards } from "./scorecard-facts";
import { sloForWrite } from "./slo-commands";
import { BUCKET_MS, DAY_MS } from "./windows";

export const MAX_BUCKETS = 10_000;
/** A collector may send the bucket in progress, and clocks drift: up to this far ahead is accepted. */
const FUTURE_SLACK_MS = BUCKET_MS;
/** An ISO-8601 date-time with its zone (Z or an offset): a bare local time would be read in the server's zone. */

export type Bucket = { start: string; good: number; total: number };

const KEYS = new Set(["start", "good", "total"]);
const START_FORMAT = 'start must be an ISO-8601 time with its zone, e.g. "2026-12-01T10:05:00Z".';

function countProblem(label: string, v: unknown): string | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return `${label} must be a number.`;
  if (!Number.isInteger(v)) return `${label} must be a whole number.`;
  if (v < 0) return `${label} cannot be negative.`;
  if (v > Number.MAX_SAFE_INTEGER) return `${label} is too large.`;
  return null;
}

/**
 * Every row checked in one pass, so a 400 names every bad row and field at once (a schema
 * stops before cross-field rules when any row has a type error): counts whole and ≥ 0,
 * good ≤ total, starts on a 5-minute boundary, inside retention, not in the future, and no
 * start twice.
 */
export function bucketsSchema(now = () => Date.now()) {
  return z
    .array(z.unknown(), { error: 'buckets must be an array of {"start", "good", "total"}.' })
    .min(1, "Send at least one bucket.")
    .max(MAX_BUCKETS, `At most ${MAX_BUCKETS.toLocaleString("en-US")} buckets a request; split the batch.`)
    .superRefine((rows, ctx) => {
      const at = now();
      const retention = sliRetentionDays();
      const oldest = at - retention * DAY_MS;
      const seen = new Map<number, number>();
      for (const [i, raw] of rows.entries()) {
        const issue = (field: string | null, message: string) =>
          ctx.addIssue({ code: "custom", path: field ? [i, field] : [i], message });
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
          issue(null, 'Each bucket is an object {"start", "good", "total"}.');
          continue;
        }
        const row = raw as Record<string, unknown>;
        for (const key of Object.keys(row))
          if (!KEYS.has(key)) issue(key, "Unknown field; a bucket has start, good and total.");
        const good = countProblem("good", row.good);
        const total = countProblem("total", row.total);
        if (good) issue("good", good);
        if (total) issue("total", total);
        if (!good && !total && (row.good as number) > (row.total as number))
          issue("good", `good (${row.good}) is more than total (${row.total}).`);
        if (typeof row.start !== "string" || !ISO_WITH_ZONE.test(row.start))
          return issue("start", START_FORMAT);
        const t = Date.parse(row.start);
        if (Number.isNaN(t)) return issue("start", "start is not a real date and time.");
        if (t % BUCKET_MS !== 0) issue("start", "start must be on a 5-minute boundary (…:00, …:05, …:10).");
        else if (t > at + FUTURE_SLACK_MS) issue("start", "start is in the future.");
        else if (t < oldest) issue("start", `start is older than the ${retention}-day retention.`);
        const earlier = seen.get(t);
        if (earlier !== undefined) issue("start", `start repeats row ${earlier}; send each bucket once.`);
        else seen.set(t, i);
      }
    })
    .transform((rows) => rows as Bucket[]);
}

export const pushMeasurementsInput = z.strictObject({
  id: z.uuid("Not an SLO id."),
  buckets: bucketsSchema(),
});

const arrayLiteral = (values: readonly (string | number)[]) => `{${values.join(",")}}`;

/**
 * Writes 5-minute buckets: a start written again replaces its counts (idempotent retries),
 * and the hourly and daily rollups move by the difference in the same statement. A batch is
 * one transaction: all of it or none. Ingestions of one SLO queue on an advisory lock, so
 * two batches touching the same bucket cannot both compute their difference from the old row.
 * The burn-rate alerts are then evaluated on the new counts, in the same transaction.
 */
export const pushMeasurements = defineCommand({
  name: "slo.measurements.push",
  permission: "slo.measurements.write",
  input: pushMeasurementsInput,
  // Partitions are made outside the batch's transaction: making one locks the whole table.
  beforeTransaction: (db, { buckets }) =>
    ensurePartitions(
      buckets.map((b) => Date.parse(b.start)),
      db,
    ),
  async run({ tx, actor, audit }, { id, buckets }) {
    const { slo, ownerTeamId } = await sloForWrite(tx, id);
    await assertMayEdit(tx, actor, ownerTeamId, "push its SLO measurements", "slo.measurements.write_any");
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pharos:sli:${id}`}))`);
    const starts = arrayLiteral(buckets.map((b) => new Date(b.start).toISOString()));
    const goods = arrayLiteral(buckets.map((b) => b.good));
    const totals = arrayLiteral(buckets.map((b) => b.total));
    const result = await tx.execute(sql`
      with input as (
        select s as bucket_start, g as good, t as total
        from unnest(${starts}::timestamptz[], ${goods}::bigint[], ${totals}::bigint[]) as u(s, g, t)
      ),
      old as (
        select b.bucket_start, b.good, b.total from sli_buckets b
        where b.slo_id = ${id}::uuid and b.bucket_start = any(${starts}::timestamptz[])
      ),
      written as (
        insert into sli_buckets (slo_id, bucket_start, good, total)
        select ${id}::uuid, bucket_start, good, total from input
        on conflict (slo_id, bucket_start) do update set good = excluded.good, total = excluded.total
        returning 1
      ),
      delta as (
        select i.bucket_start, i.good - coalesce(o.good, 0) as good, i.total - coalesce(o.total, 0) as total
        from input i left join old o using (bucket_start)
      ),
      hourly as (
        insert into sli_hourly (slo_id, hour_start, good, total)
        select ${id}::uuid, date_trunc('hour', bucket_start, 'UTC'), sum(good), sum(total) from delta group by 2
        on conflict (slo_id, hour_start) do update
          set good = sli_hourly.good + excluded.good, total = sli_hourly.total + excluded.total
        returning 1
      ),
      daily as (
        insert into sli_daily (slo_id, day_start, good, total)
        select ${id}::uuid, date_trunc('day', bucket_start, 'UTC'), sum(good), sum(total) from delta group by 2
        on conflict (slo_id, day_start) do update
          set good = sli_daily.good + excluded.good, total = sli_daily.total + excluded.total
        returning 1
      )
      select (select count(*) from written)::int as written,
        (select count(*) from old)::int as replaced,
        (select count(*) from hourly)::int as hours, (select count(*) from daily)::int as days`);
    const [counts] = rowsOf<{ written: number; replaced: number }>(result);
    const alerts = await evaluateAlerts(tx, [slo]);
    await refreshServiceScorecards(tx, [slo.serviceId]);
    const times = buckets.map((b) => Date.parse(b.start));
    const first = new Date(Math.min(...times)).toISOString();
    const last = new Date(Math.max(...times)).toISOString();
    // One audit row per batch: who pushed how much, over what span (not every count).
    await audit({
      entityType: "slo",
      entityId: id,
      after: { written: Number(counts.written), replaced: Number(counts.replaced), first, last },
    });
    return {
      written: Number(counts.written),
      replaced: Number(counts.replaced),
      alerts,
    };
  },
});
