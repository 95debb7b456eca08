import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

/*
 * What the incident bench asks, and the bare SQL that answers the same: written out by
 * hand, without the route, read gate, zod or drizzle's builder, so the ratio is the cost of
 * everything Pharos adds. Each case checks that both sides agree before it is timed.
 */

type Ctx = { now: number; team: string; service: string };
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

function assertSame(label: string, a: unknown, b: unknown) {
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(
      `${label}: Pharos and the bare SQL disagree: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
    );
}

type ListAnswer = { items: { id: string }[]; total: number };

export function LIST_CASES({ now, team, service }: Ctx) {
  const from = iso(now - 30 * DAY);
  const cases = [
    { label: "newest first, no filter", url: "/incidents", where: "true" },
    {
      label: "one service",
      url: `/incidents?service=${service}`,
      where: `exists (select 1 from incident_services x join services s on s.id = x.service_id where x.incident_id = i.id and s.slug = '${service}')`,
    },
    {
      label: "one team",
      url: `/incidents?team=${team}`,
      where: `exists (select 1 from incident_services x join services s on s.id = x.service_id where x.incident_id = i.id and s.owner_team_id = (select id from teams where slug = '${team}'))`,
    },
    {
      label: "tier0 sev1",
      url: "/incidents?tier=tier0&severity=sev1",
      where: `exists (select 1 from incident_services x join services s on s.id = x.service_id where x.incident_id = i.id and s.tier = 'tier0') and i.severity = 'sev1'`,
    },
    { label: "active", url: "/incidents?status=active", where: "i.status in ('open', 'mitigated')" },
    {
      label: "last 30 days, no postmortem",
      url: `/incidents?from=${encodeURIComponent(from)}&postmortem=no`,
      where: `i.declared_at >= '${from}' and not exists (select 1 from postmortems p where p.incident_id = i.id)`,
    },
    { label: "title search", url: "/incidents?q=replication", where: `i.title ilike '%replication%'` },
  ];
  return cases.map((c) => ({
    ...c,
    check: (api: unknown, bare: unknown) => {
      const a = api as ListAnswer;
      const b = bare as ListAnswer;
      assertSame(
        c.label,
        { ids: a.items.map((i) => i.id), total: a.total },
        { ids: b.items.map((i) => i.id), total: b.total },
      );
    },
  }));
}

export async function BARE_LIST(db: Db, where: string): Promise<ListAnswer> {
  const [page, count] = await Promise.all([
    db.execute(
      sql.raw(`select i.id, i.number, i.title, i.severity, i.status, i.declared_at, i.impact_started_at, i.resolved_at,
        u.name as commander, pm.status as postmortem,
        array(select s.slug from incident_services x join services s on s.id = x.service_id where x.incident_id = i.id order by s.slug) as services
      from incidents i left join users u on u.id = i.commander_id left join postmortems pm on pm.incident_id = i.id
      where ${where} order by i.declared_at desc, i.id desc limit 50`),
    ),
    db.execute(sql.raw(`select count(*)::int as n from incidents i where ${where}`)),
  ]);
  return { items: rowsOf<{ id: string }>(page), total: Number(rowsOf<{ n: number }>(count)[0].n) };
}

type MetricCase = { label: string; url: string; from: string; to: string; scope: string; by?: "severity" };

export function METRIC_CASES({ now, team }: Ctx) {
  const to = iso(now);
  const period = (days: number) => ({ from: iso(now - days * DAY), to });
  const teamScope = `exists (select 1 from incident_services x join services s on s.id = x.service_id where x.incident_id = i.id and s.owner_team_id = (select id from teams where slug = '${team}'))`;
  const cases: MetricCase[] = [
    { label: "30 days, everything", url: "", ...period(30), scope: "true" },
    { label: "90 days, everything, by severity", url: "", ...period(90), scope: "true", by: "severity" },
    { label: "365 days, everything", url: "", ...period(365), scope: "true" },
    { label: "365 days, one team", url: "", ...period(365), scope: teamScope },
    { label: "730 days, sev1", url: "", ...period(730), scope: "i.severity = 'sev1'" },
  ];
  const query = (c: MetricCase) => {
    const q = new URLSearchParams({ from: c.from, to: c.to });
    if (c.by) q.set("by", c.by);
    if (c.label.includes("one team")) q.set("team", team);
    if (c.label.includes("sev1")) q.set("severity", "sev1");
    return `/incidents/metrics?${q}`;
  };
  return cases.map((c) => ({
    ...c,
    url: query(c),
    check: (api: unknown, bare: unknown) => {
      const a = api as {
        overall: {
          incidents: number;
          mttr: { medianSeconds: number | null };
          mtbf: { downtimeSeconds: number };
        };
        weekly: unknown[];
      };
      const b = bare as { incidents: number; mttr: number | null; downtime: number; weeks: number };
      assertSame(
        c.label,
        {
          n: a.overall.incidents,
          mttr: a.overall.mttr.medianSeconds,
          down: Math.round(a.overall.mtbf.downtimeSeconds),
          weeks: a.weekly.length,
        },
        { n: b.incidents, mttr: b.mttr, down: Math.round(b.downtime), weeks: b.weeks },
      );
    },
  }));
}

/** The same figures by hand: percentiles over the incidents that started in the period, downtime as a union, weeks. */
export async function BARE_METRICS(db: Db, c: MetricCase) {
  const base = `select i.severity, coalesce(i.impact_started_at, i.declared_at) as st, i.resolved_at as fin,
      i.impact_started_at, i.detected_at, i.declared_at, i.acknowledged_at
    from incidents i where i.status not in ('cancelled', 'duplicate') and ${c.scope}
      and coalesce(i.impact_started_at, i.declared_at) < '${c.to}' and (i.resolved_at is null or i.resolved_at > '${c.from}')`;
  const figures = (group: string) => `select ${group} as g, count(*) as n,
      percentile_cont(0.5) within group (order by extract(epoch from detected_at - impact_started_at)) as mttd,
      percentile_cont(0.9) within group (order by extract(epoch from detected_at - impact_started_at)) as mttd90,
      percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - declared_at)) as mtta,
      percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - declared_at)) as mtta90,
      percentile_cont(0.5) within group (order by extract(epoch from fin - st)) as mttr,
      percentile_cont(0.9) within group (order by extract(epoch from fin - st)) as mttr90,
      avg(extract(epoch from fin - st)) as mttr_mean
    from s where st >= '${c.from}' group by 1`;
  const [overall, down, weeks, grouped] = await Promise.all([
    db.execute(sql.raw(`with s as (${base}) ${figures("'all'")}`)),
    db.execute(
      sql.raw(`with s as (${base}) select coalesce(sum(extract(epoch from upper(r) - lower(r))), 0) as d from unnest((
        select range_agg(tstzrange(greatest(st, '${c.from}'), least(coalesce(fin, '${c.to}'), '${c.to}')))
        from s where greatest(st, '${c.from}'::timestamptz) < least(coalesce(fin, '${c.to}'), '${c.to}'::timestamptz))) r`),
    ),
    db.execute(
      sql.raw(`with s as (${base}), m as (
          select unnest(range_agg(tstzrange(greatest(st, '${c.from}'), least(coalesce(fin, '${c.to}'), '${c.to}')))) r
          from s where greatest(st, '${c.from}'::timestamptz) < least(coalesce(fin, '${c.to}'), '${c.to}'::timestamptz)),
        w as (select x at time zone 'UTC' as wk from generate_series(date_trunc('week', '${c.from}'::timestamptz at time zone 'UTC'),
          '${c.to}'::timestamptz at time zone 'UTC' - interval '1 microsecond', interval '1 week') x),
        st as (select date_trunc('week', st at time zone 'UTC') at time zone 'UTC' as wk, count(*) as n from s where st >= '${c.from}' group by 1),
        im as (select k.wk, sum(extract(epoch from upper(m.r * tstzrange(k.wk, k.wk + interval '1 week')) - lower(m.r * tstzrange(k.wk, k.wk + interval '1 week')))) as secs
          from m, lateral (select y at time zone 'UTC' as wk from generate_series(date_trunc('week', lower(m.r) at time zone 'UTC'), upper(m.r) at time zone 'UTC', interval '1 week') y) k
          where m.r && tstzrange(k.wk, k.wk + interval '1 week') group by 1)
        select w.wk, coalesce(st.n, 0) as n, coalesce(im.secs, 0) / 60 as minutes
        from w left join st on st.wk = w.wk left join im on im.wk = w.wk
        order by w.wk`),
    ),
    c.by ? db.execute(sql.raw(`with s as (${base}) ${figures("severity")}`)) : Promise.resolve(null),
  ]);
  const o = rowsOf<{ n: number; mttr: number | null }>(overall)[0];
  return {
    incidents: Number(o?.n ?? 0),
    mttr: o?.mttr === null || o?.mttr === undefined ? null : Number(o.mttr),
    downtime: Number(rowsOf<{ d: number }>(down)[0].d),
    weeks: rowsOf(weeks).length,
    groups: grouped ? rowsOf(grouped).length : 0,
  };
}
