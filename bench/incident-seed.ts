import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * `count` incidents over the two years before `now`, written by the database itself: 20
 * teams, 200 services across the tiers, one or two services an incident, realistic gaps
 * between the lifecycle times, 2 % still open, a postmortem for the major ones.
 */
export async function seedIncidents(db: Db, count: number, now: number, analyze: boolean) {
  const started = performance.now();
  const t = new Date(now).toISOString();
  await db.execute(
    sql`insert into teams (slug, name) select 'team-' || g, 'Team ' || g from generate_series(0, 19) g`,
  );
  await db.execute(sql`
    insert into services (slug, name, owner_team_id, tier)
    select 'svc-' || g, 'Service ' || g, (select id from teams where slug = 'team-' || (g % 20)),
      (array['tier0','tier1','tier2','tier3'])[1 + g % 4]::tier
    from generate_series(0, 199) g`);
  await db.execute(
    sql`insert into users (email, name, role) values ('bench-ic@example.com', 'Bench IC', 'engineer')`,
  );
  await db.execute(sql`
    insert into incidents (title, severity, status, commander_id, impact_started_at, detected_at, declared_at,
      acknowledged_at, mitigated_at, resolved_at, closed_at, created_at)
    select title, severity, status, (select id from users where email = 'bench-ic@example.com'),
      st, st + d, st + d + dl, st + d + dl + a,
      case when status <> 'open' then st + d + dl + a + m end,
      case when status in ('resolved', 'closed') then st + d + dl + a + m + r end,
      case when status = 'closed' then st + d + dl + a + m + r + interval '2 days' end,
      st
    from (
      select (array['Checkout errors in EU','Elevated 5xx after deploy','Replication lag','Cache evictions spiking',
               'Consumer lag on the event bus','Search results stale','TLS handshake failures'])[1 + g % 7] || ' #' || g as title,
        (array['sev1','sev2','sev3','sev3','sev4','sev4','sev4','sev3','sev2','sev4'])[1 + g % 10] as severity,
        case when g % 50 = 0 then 'open' when g % 7 = 0 then 'resolved' else 'closed' end as status,
        ${t}::timestamptz - (g::float8 / ${count} * interval '730 days') - interval '3 days' as st,
        (2 + g % 23) * interval '1 minute' as d, (1 + g % 9) * interval '1 minute' as dl,
        (1 + g % 7) * interval '1 minute' as a, (10 + g % 170) * interval '1 minute' as m, (g % 90) * interval '1 minute' as r
      from generate_series(1, ${count}) g
    ) x`);
  await db.execute(sql`
    insert into incident_services (incident_id, service_id)
    select i.id, s.id from incidents i join services s on s.slug = 'svc-' || (i.number % 200)
    union
    select i.id, s.id from incidents i join services s on s.slug = 'svc-' || ((i.number * 7 + 3) % 200) where i.number % 3 = 0`);
  await db.execute(sql`
    insert into postmortems (incident_id, status, summary)
    select id, case when number % 5 = 0 then 'draft' else 'published' end, 'Bench' from incidents
    where severity in ('sev1', 'sev2') and status <> 'open'`);
  if (analyze) await db.execute(sql`analyze`);
  return { seconds: (performance.now() - started) / 1000, team: "team-3", service: "svc-42" };
}
