import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { Tier } from "@/db/schema/enums";
import type { Severity } from "@/db/schema/incidents";

/*
 * Incident metrics in one statement each, mirroring lib/incidents/metrics-math.ts (the
 * reference the integration test holds this to): percentile_cont for median and p90,
 * range_agg for downtime as the union of impact intervals clipped to the period.
 */

export type MetricsScope = { service?: string; team?: string; tier?: Tier; severity?: Severity };
export type GroupBy = "severity" | "tier" | "team" | "service";
export type Summary = {
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
};
export type Metrics = {
  incidents: number;
  open: number;
  mttd: Summary;
  mtta: Summary;
  mttr: Summary;
  mtbf: { seconds: number | null; failures: number; downtimeSeconds: number; periodSeconds: number };
};

const GROUP_KEY: Record<GroupBy | "all", SQL> = {
  all: sql`'all'`,
  severity: sql`i.severity`,
  tier: sql`s.tier::text`,
  team: sql`coalesce((select slug from teams t where t.id = s.owner_team_id), '(no team)')`,
  service: sql`s.slug`,
};

/**
 * The incidents whose impact overlaps [from, to), one row per group they fall in: a group by
 * tier, team or service puts an incident with two services in both of theirs.
 */
function scoped(scope: MetricsScope, from: Date, to: Date, by: GroupBy | "all"): SQL {
  const filters: SQL[] = [];
  if (scope.service) filters.push(sql`s.slug = ${scope.service}`);
  if (scope.team) filters.push(sql`s.owner_team_id = (select id from teams where slug = ${scope.team})`);
  if (scope.tier) filters.push(sql`s.tier = ${scope.tier}`);
  const perService = by !== "all" && by !== "severity";
  const serviceJoin = sql`join incident_services x on x.incident_id = i.id join services s on s.id = x.service_id`;
  const scopeExists = filters.length
    ? sql`and exists (select 1 from incident_services x join services s on s.id = x.service_id
        where x.incident_id = i.id and ${sql.join(filters, sql` and `)})`
    : sql``;
  return sql`
    select ${perService ? sql`distinct` : sql``} ${GROUP_KEY[by]} as grp, i.id,
      coalesce(i.impact_started_at, i.declared_at) as start, i.resolved_at as finish,
      i.impact_started_at, i.detected_at, i.declared_at, i.acknowledged_at
    from incidents i ${perService ? serviceJoin : sql``}
    where i.status not in ('cancelled', 'duplicate')
      ${scope.severity ? sql`and i.severity = ${scope.severity}` : sql``}
      ${perService && filters.length ? sql`and ${sql.join(filters, sql` and `)}` : scopeExists}
      and coalesce(i.impact_started_at, i.declared_at) < ${to.toISOString()}::timestamptz
      and (i.resolved_at is null or i.resolved_at > ${from.toISOString()}::timestamptz)`;
}

const summary = (expr: SQL, name: string) => sql`
  count(${expr}) as ${sql.raw(`${name}_n`)},
  avg(${expr}) as ${sql.raw(`${name}_mean`)},
  percentile_cont(0.5) within group (order by ${expr}) as ${sql.raw(`${name}_median`)},
  percentile_cont(0.9) within group (order by ${expr}) as ${sql.raw(`${name}_p90`)}`;

const epoch = (a: string, b: string) => sql.raw(`extract(epoch from ${b} - ${a})::float8`);

type Row = Record<string, number | string | null> & { grp: string };
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const summaryOf = (r: Row, name: string): Summary => ({
  count: Number(r[`${name}_n`] ?? 0),
  meanSeconds: num(r[`${name}_mean`]),
  medianSeconds: num(r[`${name}_median`]),
  p90Seconds: num(r[`${name}_p90`]),
});

/** MTTD, MTTA, MTTR and MTBF over [from, to) within the scope, per group (or `all`). */
export async function incidentMetricsSql(
  db: Queryable,
  scope: MetricsScope,
  period: { from: Date; to: Date },
  by: GroupBy | "all" = "all",
): Promise<Map<string, Metrics>> {
  const { from, to } = period;
  const f = `${from.toISOString()}`;
  const t = `${to.toISOString()}`;
  // Two statements, sent together: the percentiles and the union of impact are independent
  // sorts over the same rows, and on PostgreSQL they run side by side on two connections.
  const [figureRows, downRows] = await Promise.all([
    db.execute(sql`
      with scoped as (${scoped(scope, from, to, by)})
      select grp, count(*) as counted, count(*) filter (where finish is null) as open,
        ${summary(epoch("impact_started_at", "detected_at"), "mttd")},
        ${summary(epoch("declared_at", "acknowledged_at"), "mtta")},
        ${summary(epoch("start", "finish"), "mttr")}
      from scoped where start >= ${f}::timestamptz group by grp`),
    db.execute(sql`
      with scoped as (${scoped(scope, from, to, by)})
      select grp, coalesce(sum(extract(epoch from upper(r) - lower(r))), 0)::float8 as downtime
      from (
        select grp, unnest(range_agg(tstzrange(greatest(start, ${f}::timestamptz),
          least(coalesce(finish, ${t}::timestamptz), ${t}::timestamptz)))) as r
        from scoped where greatest(start, ${f}::timestamptz) < least(coalesce(finish, ${t}::timestamptz), ${t}::timestamptz)
        group by grp
      ) u group by grp`),
  ]);
  const downtime = new Map(
    rowsOf<{ grp: string; downtime: number }>(downRows).map((r) => [r.grp, Number(r.downtime)]),
  );
  const byGroup = new Map(rowsOf<Row>(figureRows).map((r) => [r.grp, r]));
  for (const grp of downtime.keys()) if (!byGroup.has(grp)) byGroup.set(grp, { grp } as Row);
  const rows: Row[] = [...byGroup.values()].map((r) => ({ ...r, downtime: downtime.get(r.grp) ?? 0 }));
  const periodSeconds = (to.getTime() - from.getTime()) / 1000;
  const out = new Map<string, Metrics>();
  for (const r of rows) {
    const failures = Number(r.counted ?? 0);
    const downtimeSeconds = Number(r.downtime ?? 0);
    out.set(r.grp, {
      incidents: failures,
      open: Number(r.open ?? 0),
      mttd: summaryOf(r, "mttd"),
      mtta: summaryOf(r, "mtta"),
      mttr: summaryOf(r, "mttr"),
      mtbf: {
        seconds: failures ? (periodSeconds - downtimeSeconds) / failures : null,
        failures,
        downtimeSeconds,
        periodSeconds,
      },
    });
  }
  return out;
}

export type WeekFigures = { weekStart: string; incidents: number; impactMinutes: number };

/** Per ISO week (Monday 00:00 UTC) overlapping the period: incidents that started, and minutes of merged impact. */
export async function weeklyImpactSql(
  db: Queryable,
  scope: MetricsScope,
  period: { from: Date; to: Date },
): Promise<WeekFigures[]> {
  const f = period.from.toISOString();
  const t = period.to.toISOString();
  const rows = rowsOf<{ week: string | Date; incidents: number; minutes: number }>(
    await db.execute(sql`
      with scoped as (${scoped(scope, period.from, period.to, "all")}),
      merged as (
        select unnest(range_agg(tstzrange(greatest(start, ${f}::timestamptz),
          least(coalesce(finish, ${t}::timestamptz), ${t}::timestamptz)))) as r
        from scoped where greatest(start, ${f}::timestamptz) < least(coalesce(finish, ${t}::timestamptz), ${t}::timestamptz)
      ),
      weeks as (
        select w at time zone 'UTC' as week
        from generate_series(date_trunc('week', ${f}::timestamptz at time zone 'UTC'),
          ${t}::timestamptz at time zone 'UTC' - interval '1 microsecond', interval '1 week') w
      ),
      -- One pass each: incidents by the week they started in, and each merged range split
      -- into the weeks it covers (most lie inside one), never every range against every week.
      started as (
        select date_trunc('week', start at time zone 'UTC') at time zone 'UTC' as week, count(*)::int as n
        from scoped where start >= ${f}::timestamptz group by 1
      ),
      impact as (
        select wk.week, sum(extract(epoch from upper(x) - lower(x))) / 60 as minutes
        from merged m,
          lateral (select w at time zone 'UTC' as week from generate_series(
            date_trunc('week', lower(m.r) at time zone 'UTC'), upper(m.r) at time zone 'UTC', interval '1 week') w) wk,
          lateral (select m.r * tstzrange(wk.week, wk.week + interval '1 week') as x) y
        where not isempty(y.x)
        group by 1
      )
      select w.week, coalesce(s.n, 0)::int as incidents, coalesce(i.minutes, 0)::float8 as minutes
      from weeks w left join started s on s.week = w.week left join impact i on i.week = w.week
      order by w.week`),
  );
  return rows.map((r) => ({
    weekStart: new Date(r.week).toISOString(),
    incidents: Number(r.incidents),
    impactMinutes: Number(r.minutes),
  }));
}
