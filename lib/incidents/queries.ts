import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { Tier } from "@/db/schema/enums";
import type { IncidentStatus, Severity } from "@/db/schema/incidents";
import { likeEscape } from "@/lib/palette/catalog-source";
import { incidentReference } from "./patch-rules";

export type IncidentFilter = {
  service?: string;
  team?: string;
  tier?: Tier;
  severity?: Severity;
  status?: IncidentStatus | "active";
  /** Declared in [from, to). */
  from?: Date;
  to?: Date;
  postmortem?: "yes" | "no";
  q?: string;
};

export type IncidentRow = {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  declaredAt: string;
  impactStartedAt: string | null;
  resolvedAt: string | null;
  commander: string | null;
  services: string[];
  postmortem: string | null;
};

/** The filter as SQL on `i` (incidents): scope filters are one EXISTS over the incident's services. */
export function incidentWhere(filter: IncidentFilter): SQL {
  const where: SQL[] = [sql`true`];
  const scope: SQL[] = [];
  if (filter.service) scope.push(sql`s.slug = ${filter.service}`);
  if (filter.team) scope.push(sql`s.owner_team_id = (select id from teams where slug = ${filter.team})`);
  if (filter.tier) scope.push(sql`s.tier = ${filter.tier}`);
  if (scope.length)
    where.push(sql`exists (select 1 from incident_services x join services s on s.id = x.service_id
      where x.incident_id = i.id and ${sql.join(scope, sql` and `)})`);
  if (filter.severity) where.push(sql`i.severity = ${filter.severity}`);
  if (filter.status === "active") where.push(sql`i.status in ('open', 'mitigated')`);
  else if (filter.status) where.push(sql`i.status = ${filter.status}`);
  if (filter.from) where.push(sql`i.declared_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) where.push(sql`i.declared_at < ${filter.to.toISOString()}::timestamptz`);
  if (filter.postmortem === "yes")
    where.push(sql`exists (select 1 from postmortems p where p.incident_id = i.id)`);
  if (filter.postmortem === "no")
    where.push(sql`not exists (select 1 from postmortems p where p.incident_id = i.id)`);
  if (filter.q) {
    const ref = incidentReference(filter.q);
    const number = ref && "number" in ref ? ref.number : null;
    where.push(
      number === null
        ? sql`i.title ilike ${likeEscape(filter.q)}`
        : sql`(i.number = ${number} or i.title ilike ${likeEscape(filter.q)})`,
    );
  }
  return sql.join(where, sql` and `);
}

export const PAGE_SIZE = 50;

/**
 * One page of incidents under the filter, newest declared first, with how many match in
 * all. The page is picked on the incidents alone; services, commander and postmortem are
 * looked up for those 50 rows only.
 */
export async function listIncidents(db: Queryable, filter: IncidentFilter, page = 1) {
  const where = incidentWhere(filter);
  const offset = (Math.max(1, page) - 1) * PAGE_SIZE;
  const [rows, total] = await Promise.all([
    db.execute(sql`
      with page as (
        select i.* from incidents i where ${where}
        order by i.declared_at desc, i.id desc limit ${PAGE_SIZE} offset ${offset}
      )
      select p.id, p.number, p.title, p.severity, p.status,
        p.declared_at as "declaredAt", p.impact_started_at as "impactStartedAt", p.resolved_at as "resolvedAt",
        u.name as commander, pm.status as postmortem,
        array(select s.slug from incident_services x join services s on s.id = x.service_id
              where x.incident_id = p.id order by s.slug) as services
      from page p
      left join users u on u.id = p.commander_id
      left join postmortems pm on pm.incident_id = p.id
      order by p.declared_at desc, p.id desc`),
    db.execute(sql`select count(*)::int as n from incidents i where ${where}`),
  ]);
  const items = rowsOf<IncidentRow & { declaredAt: string | Date }>(rows).map((r) => ({
    ...r,
    declaredAt: new Date(r.declaredAt).toISOString(),
    impactStartedAt: r.impactStartedAt ? new Date(r.impactStartedAt).toISOString() : null,
    resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
  }));
  return {
    items,
    total: rowsOf<{ n: number }>(total)[0]?.n ?? 0,
    page: Math.max(1, page),
    pageSize: PAGE_SIZE,
  };
}

export type MajorIncident = {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  declaredAt: string;
  services: string[];
};

/** Open sev1/sev2 incidents, most severe and oldest first: what the banner across the app shows. */
export async function majorActiveIncidents(db: Queryable): Promise<MajorIncident[]> {
  const rows = rowsOf<MajorIncident>(
    await db.execute(sql`
      select i.id, i.number, i.title, i.severity, i.status,
        array(select s.slug from incident_services x join services s on s.id = x.service_id
              where x.incident_id = i.id order by s.slug) as services
      from incidents i
      where i.status in ('open', 'mitigated') and i.severity in ('sev1', 'sev2')
      order by i.severity, i.declared_at limit 20`),
  );
  return rows;
}
