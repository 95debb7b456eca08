import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { services } from "@/db/schema/catalog";
import { budgetAdjustments, slos, sloVersions } from "@/db/schema/slo";
import { refreshScorecards } from "@/lib/catalog/scorecard-store";
import { evaluateAlerts } from "@/lib/slo/alerts";
import { columnsOf, definitionOf } from "@/lib/slo/definition";
import { preparePartitions } from "@/lib/slo/partitions";
import type { SloDefinition } from "@/lib/slo/schemas";
import { BUCKET_MS, bucketOf, HOUR_MS } from "@/lib/slo/windows";

/** A stretch of time with its own error rate (an outage, a bad deploy burning now). */
type Episode = { fromAgoMs: number; toAgoMs: number; errorRate: number };

export type DemoSlo = {
  service: string;
  definition: Omit<SloDefinition, "description" | "minEvents"> & { description?: string; minEvents?: number };
  /** Events per 5 minutes at the daily peak; null: the SLO receives no traffic. */
  peak: number | null;
  errorRate: number;
  episodes?: Episode[];
  adjustments?: { startsAgoMs: number; durationMinutes: number; rrule?: string; reason: string }[];
};

const rolling = (days: 7 | 28 | 30 | 90) => ({ type: "rolling" as const, days });
const MIN = 60_000;

/**
 * The demo organisation's SLOs, each showing one thing the SLO pages must handle: most are
 * healthy; the ledger burns slowly (at risk); fraud scoring has spent its budget (its
 * service is in budget freeze); payment authorisation is failing right now (a page alert
 * fires); postgres had an outage inside a maintenance window that is excluded; the profile
 * service sends nothing (no data, never 100 %).
 */
export const DEMO_SLOS: DemoSlo[] = [
  {
    service: "payments-api",
    definition: {
      name: "Payment authorisation success",
      description: "Share of card authorisations answered without a server error.",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.999,
      window: rolling(30),
      budgeting: { method: "occurrences" },
    },
    peak: 6000,
    errorRate: 0.0002,
    // A bad deploy 50 minutes ago: 3 % of authorisations fail (a burn rate of 30).
    episodes: [{ fromAgoMs: 50 * MIN, toAgoMs: 0, errorRate: 0.03 }],
  },
  {
    service: "payments-api",
    definition: {
      name: "Authorisation latency under 300 ms",
      sliKind: "latency",
      latencyThresholdMs: 300,
      target: 0.99,
      window: rolling(28),
      budgeting: { method: "occurrences" },
    },
    peak: 6000,
    errorRate: 0.003,
  },
  {
    service: "ledger",
    definition: {
      name: "Ledger write availability",
      description: "Postings committed on the first attempt.",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.9995,
      window: rolling(30),
      budgeting: { method: "occurrences" },
    },
    peak: 2500,
    // 0.043 % failing against a 0.05 % budget: burn rate 0.86, 14 % of the budget left.
    errorRate: 0.00043,
  },
  {
    service: "fraud-scoring",
    definition: {
      name: "Fraud score availability",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.995,
      window: rolling(7),
      budgeting: { method: "occurrences" },
    },
    peak: 4000,
    // 0.65 % failing against a 0.5 % budget: burn rate 1.3, the budget overspent by a third.
    errorRate: 0.0065,
  },
  {
    service: "api-gateway",
    definition: {
      name: "Gateway availability",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.9995,
      window: rolling(30),
      budgeting: { method: "occurrences" },
    },
    peak: 20_000,
    errorRate: 0.00008,
  },
  {
    service: "auth-service",
    definition: {
      name: "Sign-in success",
      description: "Reported to the board monthly, in Berlin time.",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.999,
      window: { type: "calendar", unit: "month", timeZone: "Europe/Berlin" },
      budgeting: { method: "occurrences" },
    },
    peak: 3000,
    errorRate: 0.0003,
  },
  {
    service: "postgres-primary",
    definition: {
      name: "Primary availability",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.9995,
      window: rolling(30),
      budgeting: { method: "occurrences" },
    },
    peak: 8000,
    errorRate: 0.00005,
    // A failover drill 30 hours ago took writes down for 40 minutes, inside the window below.
    episodes: [{ fromAgoMs: 30 * HOUR_MS, toAgoMs: 30 * HOUR_MS - 40 * MIN, errorRate: 0.6 }],
    adjustments: [
      {
        startsAgoMs: 30 * HOUR_MS + 10 * MIN,
        durationMinutes: 60,
        reason: "Planned failover drill (change CHG-1042), announced to all consumers.",
      },
      {
        startsAgoMs: 14 * 24 * HOUR_MS,
        durationMinutes: 60,
        rrule: "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0",
        reason: "Weekly maintenance window, Sundays 02:00–03:00 UTC.",
      },
    ],
  },
  {
    service: "search-index",
    definition: {
      name: "Search answered in time",
      description: "Good five-minute slices: at least 95 % of queries answered under 500 ms.",
      sliKind: "latency",
      latencyThresholdMs: 500,
      target: 0.99,
      window: rolling(30),
      budgeting: { method: "timeslices", sliceMinutes: 5, sliceTarget: 0.95 },
    },
    peak: 1500,
    errorRate: 0.01,
    // A slow shard for 20 minutes 20 hours ago: those slices miss their 95 %.
    episodes: [{ fromAgoMs: 20 * HOUR_MS, toAgoMs: 20 * HOUR_MS - 15 * MIN, errorRate: 0.08 }],
  },
  {
    service: "event-bus",
    definition: {
      name: "Events delivered",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.999,
      window: rolling(30),
      budgeting: { method: "occurrences" },
    },
    peak: 12_000,
    errorRate: 0.0001,
  },
  {
    service: "cdn-edge",
    definition: {
      name: "Edge availability",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.999,
      window: rolling(90),
      budgeting: { method: "occurrences" },
    },
    peak: 30_000,
    errorRate: 0.00015,
  },
  {
    service: "redis-cache",
    definition: {
      name: "Cache availability",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.999,
      window: { type: "calendar", unit: "quarter", timeZone: "UTC" },
      budgeting: { method: "occurrences" },
    },
    peak: 15_000,
    errorRate: 0.0001,
  },
  {
    service: "user-profile",
    definition: {
      name: "Profile reads",
      description: "The collector for this service is not deployed yet.",
      sliKind: "ratio",
      latencyThresholdMs: null,
      target: 0.999,
      window: rolling(30),
      budgeting: { method: "occurrences" },
    },
    peak: null,
    errorRate: 0,
  },
];

const iso = (t: number) => new Date(t).toISOString();

/**
 * Writes `days` of 5-minute history for each demo SLO, generated inside the database
 * (a daily traffic curve, errors drawn around each SLO's rate, its episodes laid over),
 * then the hourly and daily rollups from those buckets, then evaluates the alerts every
 * three hours across the last two days so the alert history has a past as well as a present.
 */
export async function seedDemoSlos(db: Db, now: Date, days: number) {
  const end = bucketOf(now.getTime());
  const start = end - days * 24 * HOUR_MS + BUCKET_MS;
  await preparePartitions(now.getTime(), days + 31, db);
  const slugs = [...new Set(DEMO_SLOS.map((s) => s.service))];
  const found = await db.select({ id: services.id, slug: services.slug }).from(services);
  const serviceId = new Map(found.filter((s) => slugs.includes(s.slug)).map((s) => [s.slug, s.id]));
  const created = await db.transaction(async (tx) => {
    const rows = [];
    for (const demo of DEMO_SLOS) {
      const definition: SloDefinition = { description: "", minEvents: 50, ...demo.definition };
      const [slo] = await tx
        .insert(slos)
        .values({
          serviceId: serviceId.get(demo.service)!,
          ...columnsOf(definition),
          createdAt: new Date(start),
          updatedAt: new Date(start),
        })
        .returning();
      await tx.insert(sloVersions).values({
        sloId: slo.id,
        version: 1,
        definition: definitionOf(slo),
        changedByLabel: "cli",
        changedAt: new Date(start),
      });
      for (const a of demo.adjustments ?? [])
        await tx.insert(budgetAdjustments).values({
          sloId: slo.id,
          startsAt: new Date(bucketOf(end - a.startsAgoMs)),
          durationMinutes: a.durationMinutes,
          rrule: a.rrule ?? null,
          reason: a.reason,
        });
      if (demo.peak !== null) await generateHistory(tx, slo.id, demo, start, end);
      rows.push(slo);
    }
    await tx.execute(sql`
      insert into sli_hourly (slo_id, hour_start, good, total)
      select slo_id, date_trunc('hour', bucket_start, 'UTC'), sum(good), sum(total) from sli_buckets group by 1, 2`);
    await tx.execute(sql`
      insert into sli_daily (slo_id, day_start, good, total)
      select slo_id, date_trunc('day', bucket_start, 'UTC'), sum(good), sum(total) from sli_buckets group by 1, 2`);
    return rows;
  });
  await db.transaction(async (tx) => {
    const history = Math.min(days * 24, 48);
    for (let hoursAgo = history; hoursAgo >= 0; hoursAgo -= 3) {
      const at = now.getTime() - hoursAgo * HOUR_MS;
      const current = await tx.select().from(slos);
      await evaluateAlerts(tx, current, at);
    }
    await refreshScorecards(tx, undefined, now);
  });
  return created.length;
}

/**
 * Buckets for [start, end] of one demo SLO, generated in the database. An episode with
 * `toAgoMs: 0` runs up to `end`. `rollups`: also add them to the hourly and daily sums (when
 * appending to a history whose rollups exist; the seed sums its whole history at once).
 */
export async function generateHistory(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  sloId: string,
  demo: DemoSlo,
  start: number,
  end: number,
  rollups = false,
) {
  // The error rate at each bucket: the SLO's own, or an episode's when one covers it.
  const rate = (demo.episodes ?? []).reduceRight(
    (otherwise, e) =>
      sql`case when ts >= ${iso(bucketOf(end - e.fromAgoMs))}::timestamptz and ts < ${iso(bucketOf(end - e.toAgoMs) + BUCKET_MS)}::timestamptz then ${e.errorRate}::float8 else ${otherwise} end`,
    sql`${demo.errorRate}::float8`,
  );
  await tx.execute(sql`
    insert into sli_buckets (slo_id, bucket_start, good, total)
    select ${sloId}::uuid, ts, total - least(total, bad), total from (
      select ts, total, floor(total * rate * (0.5 + random()) + random())::bigint as bad from (
        select ts, ${rate} as rate,
          greatest(1, round(${demo.peak}::float8 * (0.55 + 0.45 * sin(2 * pi() * (extract(epoch from ts) / 86400.0 - 0.375)))
            * (0.9 + 0.2 * random())))::bigint as total
        from generate_series(${iso(start)}::timestamptz, ${iso(end)}::timestamptz, interval '5 minutes') as ts
      ) a
    ) b`);
  if (!rollups) return;
  const range = sql`slo_id = ${sloId}::uuid and bucket_start >= ${iso(start)}::timestamptz and bucket_start <= ${iso(end)}::timestamptz`;
  await tx.execute(sql`
    insert into sli_hourly (slo_id, hour_start, good, total)
    select slo_id, date_trunc('hour', bucket_start, 'UTC'), sum(good), sum(total) from sli_buckets where ${range} group by 1, 2
    on conflict (slo_id, hour_start) do update set good = sli_hourly.good + excluded.good, total = sli_hourly.total + excluded.total`);
  await tx.execute(sql`
    insert into sli_daily (slo_id, day_start, good, total)
    select slo_id, date_trunc('day', bucket_start, 'UTC'), sum(good), sum(total) from sli_buckets where ${range} group by 1, 2
    on conflict (slo_id, day_start) do update set good = sli_daily.good + excluded.good, total = sli_daily.total + excluded.total`);
}

/** The seeded SLO of a service by name, for tests. */
export async function demoSloId(db: Db, name: string) {
  const [row] = await db.select({ id: slos.id }).from(slos).where(eq(slos.name, name));
  return row?.id;
}
