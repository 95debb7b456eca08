import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services, teamMembers, teams, users } from "@/db/schema";
import type { Tier } from "@/db/schema/enums";
import { cyclesThrough, type Edge } from "./graph";
import { scoreService } from "./scorecard-store";

const neighbour = {
  slug: services.slug,
  name: services.name,
  tier: services.tier,
  scorecardLevel: services.scorecardLevel,
  archivedAt: services.archivedAt,
  teamSlug: teams.slug,
  teamName: teams.name,
};

/** Everything the service page shows, in a handful of indexed queries. */
export async function getServiceDetail(db: Queryable, slug: string) {
  const [row] = await db
    .select({ service: services, team: teams })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(services.slug, slug));
  if (!row) return null;
  const { service, team } = row;
  const [upstream, downstream, owners, radius] = await Promise.all([
    db
      .select(neighbour)
      .from(serviceDependencies)
      .innerJoin(services, eq(services.id, serviceDependencies.dependsOnId))
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(eq(serviceDependencies.serviceId, service.id))
      .orderBy(asc(services.tier), asc(services.name)),
    db
      .select(neighbour)
      .from(serviceDependencies)
      .innerJoin(services, eq(services.id, serviceDependencies.serviceId))
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(eq(serviceDependencies.dependsOnId, service.id))
      .orderBy(asc(services.tier), asc(services.name)),
    service.ownerTeamId
      ? db
          .select({ name: users.name, email: users.email, memberRole: teamMembers.memberRole })
          .from(teamMembers)
          .innerJoin(users, eq(users.id, teamMembers.userId))
          .where(and(eq(teamMembers.teamId, service.ownerTeamId), sql`${users.deactivatedAt} is null`))
          .orderBy(sql`${teamMembers.memberRole} = 'lead' desc`, asc(users.name))
      : Promise.resolve([]),
    blastRadius(db, service.id),
  ]);
  return { service, team, upstream, downstream, owners, radius, scorecard: scoreService(service) };
}

export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof getServiceDetail>>>;

/**
 * Every service that transitively depends on this one, computed in the database with a
 * recursive query (UNION keeps each service once, so cycles terminate).
 */
async function blastRadius(db: Queryable, serviceId: string) {
  const reached = sql`
    with recursive reached(id) as (
      select service_id from ${serviceDependencies} where depends_on_id = ${serviceId}
      union
      select d.service_id from ${serviceDependencies} d join reached r on d.depends_on_id = r.id
    ) select id from reached`;
  const rows = await db
    .select({ ...neighbour, id: services.id })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(and(sql`${services.id} in (${reached})`, sql`${services.archivedAt} is null`))
    .orderBy(asc(services.tier), asc(services.name));
  const inCycle = rows.some((r) => r.id === serviceId);
  const others = rows.filter((r) => r.id !== serviceId);
  const byTier: Record<Tier, number> = { tier0: 0, tier1: 0, tier2: 0, tier3: 0 };
  for (const r of others) byTier[r.tier] += 1;
  let cycle: string[] | null = null;
  if (inCycle) {
    // Only the edges among the services that can reach this one can close a cycle through it.
    const ids = [serviceId, ...others.map((r) => r.id)].slice(0, 5000);
    const edges: Edge[] = await db
      .select({
        from: sql<string>`(select slug from ${services} where id = ${serviceDependencies.serviceId})`,
        to: sql<string>`(select slug from ${services} where id = ${serviceDependencies.dependsOnId})`,
      })
      .from(serviceDependencies)
      .where(and(inArray(serviceDependencies.serviceId, ids), inArray(serviceDependencies.dependsOnId, ids)));
    const slug = (
      await db.select({ slug: services.slug }).from(services).where(eq(services.id, serviceId))
    )[0].slug;
    cycle = cyclesThrough(slug, edges, 1)[0] ?? null;
  }
  return { total: others.length, byTier, services: others.slice(0, 200), cycle };
}
