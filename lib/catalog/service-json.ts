import { and, count, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { type Service, serviceDependencies, services, teams } from "@/db/schema";
import type { CatalogFilter } from "./list-filter";
import { conditions, ordering } from "./queries";

/** A service as the REST API shows it (camelCase, owner and dependencies by slug). */
export function toServiceJson(service: Service, ownerTeam: string | null, dependsOn: string[]) {
  return {
    slug: service.slug,
    name: service.name,
    description: service.description,
    ownerTeam,
    tier: service.tier,
    lifecycle: service.lifecycle,
    domain: service.domain,
    repoUrl: service.repoUrl,
    runbookUrl: service.runbookUrl,
    onCall: service.onCall,
    links: service.links,
    tags: service.tags,
    dependsOn,
    rtoMinutes: service.rtoMinutes,
    rpoMinutes: service.rpoMinutes,
    lastDrTestAt: service.lastDrTestAt,
    verifiedAt: service.verifiedAt,
    system: service.system,
    businessDomain: service.businessDomain,
    annotations: service.annotations,
    scorecardLevel: service.scorecardLevel,
    archived: service.archivedAt !== null,
    createdAt: service.createdAt,
    updatedAt: service.updatedAt,
  };
}

export type ServiceJson = ReturnType<typeof toServiceJson>;

const target = alias(services, "target");

/** Full JSON for the given slugs, in the order given (the list query decides the order). */
export async function servicesJson(db: Queryable, slugs: string[]): Promise<ServiceJson[]> {
  if (!slugs.length) return [];
  const [rows, edges] = await Promise.all([
    db
      .select({ service: services, team: teams.slug })
      .from(services)
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(inArray(services.slug, slugs)),
    db
      .select({ from: services.slug, to: target.slug })
      .from(serviceDependencies)
      .innerJoin(services, eq(services.id, serviceDependencies.serviceId))
      .innerJoin(target, eq(target.id, serviceDependencies.dependsOnId))
      .where(inArray(services.slug, slugs)),
  ]);
  const deps = new Map<string, string[]>();
  for (const e of edges) deps.set(e.from, [...(deps.get(e.from) ?? []), e.to]);
  const bySlug = new Map(
    rows.map((r) => [
      r.service.slug,
      toServiceJson(r.service, r.team, (deps.get(r.service.slug) ?? []).sort()),
    ]),
  );
  return slugs.map((s) => bySlug.get(s)).filter((s): s is ServiceJson => Boolean(s));
}

/**
 * One page of services as JSON in a single round trip (with the total counted alongside):
 * dependencies come as an array subquery instead of a second query.
 */
export async function listServicesJson(
  db: Queryable,
  filter: CatalogFilter,
  paging: { offset: number; pageSize: number },
  ctx: { myTeamIds?: string[]; now?: Date } = {},
) {
  const where = and(...conditions(filter, { ...ctx, now: ctx.now ?? new Date() }));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        service: services,
        team: teams.slug,
        dependsOn: sql<
          string[]
        >`coalesce((select array_agg(t.slug order by t.slug) from ${serviceDependencies} d join ${services} t on t.id = d.depends_on_id where d.service_id = "services"."id"), '{}')`,
      })
      .from(services)
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(where)
      .orderBy(...ordering(filter))
      .limit(paging.pageSize)
      .offset(paging.offset),
    db.select({ total: count() }).from(services).where(where),
  ]);
  return { items: rows.map((r) => toServiceJson(r.service, r.team, r.dependsOn)), total };
}
