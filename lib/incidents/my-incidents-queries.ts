import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { IncidentRole, IncidentStatus, Severity } from "@/db/schema/incidents";

export type MyIncident = {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  declaredAt: string;
  /** The seats the person holds on it now; `commander` also when they are its named commander. */
  roles: IncidentRole[];
  services: string[];
};

const LIMIT = 20;

/**
 * The active incidents (open or mitigated) a person is working: they command it or hold a
 * seat they have not left. Most severe first, then the newest, so the loudest is on top.
 */
export async function myActiveIncidents(db: Queryable, userId: string): Promise<MyIncident[]> {
  const rows = rowsOf<Omit<MyIncident, "declaredAt"> & { declaredAt: string | Date; commands: boolean }>(
    await db.execute(sql`
      select i.id, i.number, i.title, i.severity, i.status, i.declared_at as "declaredAt",
        i.commander_id is not distinct from ${userId}::uuid as commands,
        array(select distinct p.role from incident_participants p
              where p.incident_id = i.id and p.user_id = ${userId}::uuid and p.left_at is null
              order by p.role) as roles,
        array(select s.slug from incident_services x join services s on s.id = x.service_id
              where x.incident_id = i.id order by s.slug) as services
      from incidents i
      where i.status in ('open', 'mitigated')
        and (i.commander_id = ${userId}::uuid or exists (select 1 from incident_participants p
          where p.incident_id = i.id and p.user_id = ${userId}::uuid and p.left_at is null))
      order by i.severity, i.declared_at desc, i.id
      limit ${LIMIT}`),
  );
  return rows.map(({ commands, ...r }) => ({
    ...r,
    declaredAt: new Date(r.declaredAt).toISOString(),
    roles: commands && !r.roles.includes("commander") ? ["commander", ...r.roles] : r.roles,
  }));
}
