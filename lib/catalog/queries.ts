import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services, teamMembers, teams } from "@/db/schema";
import type { Tier } from "@/db/schema/enums";

export type ServiceListFilter = { q?: string; team?: string; tier?: Tier; mine?: string[] };

export async function listServices(
  db: Queryable,
  filter: ServiceListFilter,
  paging: { offset: number; pageSize: number },
) {
  const where: SQL[] = [isNull(services.archivedAt)];
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(
      or(ilike(services.name, like), ilike(services.slug, like), ilike(services.description, like))!,
    );
  }
  if (filter.team) where.push(eq(teams.slug, filter.team));
  if (filter.tier) where.push(eq(services.tier, filter.tier));
  if (filter.mine) where.push(filter.mine.length ? inArray(services.ownerTeamId, filter.mine) : sql`false`);
  const condition = and(...where);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        slug: services.slug,
        name: services.name,
        description: services.description,
        tier: services.tier,
        lifecycle: services.lifecycle,
        domain: services.domain,
        teamSlug: teams.slug,
        teamName: teams.name,
        dependencies: sql<number>`(select count(*)::int from ${serviceDependencies} d where d.service_id = "services"."id")`,
      })
      .from(services)
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(condition)
      .orderBy(asc(services.tier), asc(services.name))
      .limit(paging.pageSize)
      .offset(paging.offset),
    db
      .select({ total: count() })
      .from(services)
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(condition),
  ]);
  return { items, total };
}

export async function teamsOfUser(db: Queryable, userId: string) {
  return db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, memberRole: teamMembers.memberRole })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
}

export async function catalogSummary(db: Queryable) {
  const rows = await db
    .select({ tier: services.tier, n: count() })
    .from(services)
    .where(isNull(services.archivedAt))
    .groupBy(services.tier)
    .orderBy(asc(services.tier));
  const [{ teamCount }] = await db.select({ teamCount: count() }).from(teams);
  return { byTier: rows, services: rows.reduce((s, r) => s + r.n, 0), teams: teamCount };
}
