import { eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { preparedPer } from "@/db/prepared";
import { type Service, serviceDependencies, services, teams } from "@/db/schema";
import type { CatalogFilter } from "./list-filter";
import { servicePage } from "./queries";

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

/** A service row with its owner's slug and its dependencies' slugs, in one round trip. */
const jsonColumns = {
  service: services,
  team: teams.slug,
  // Code-point order ("C"), the same as a JavaScript sort, whatever the database's collation.
  dependsOn: sql<
    string[]
  >`coalesce((select array_agg(t.slug order by t.slug collate "C") from ${serviceDependencies} d join ${services} t on t.id = d.depends_on_id where d.service_id = "services"."id"), '{}')`,
};

type JsonRow = { service: Service; team: string | null; dependsOn: string[] };
const fromRow = (r: JsonRow) => toServiceJson(r.service, r.team, r.dependsOn);

const bySlug = preparedPer((db) =>
  db
    .select(jsonColumns)
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(services.slug, sql.placeholder("slug")))
    .prepare("service_json_by_slug"),
);

/** One service as JSON, or null: the API's hottest read, so a prepared query. */
export async function serviceJson(db: Queryable, slug: string): Promise<ServiceJson | null> {
  const [row] = await bySlug(db).execute({ slug });
  return row ? fromRow(row) : null;
}

/** Full JSON for the given slugs, in the order given (the list query decides the order). */
export async function servicesJson(db: Queryable, slugs: string[]): Promise<ServiceJson[]> {
  if (!slugs.length) return [];
  const rows = await db
    .select(jsonColumns)
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(inArray(services.slug, slugs));
  const bySlug = new Map(rows.map((r) => [r.service.slug, fromRow(r)]));
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
  const { items, total } = await servicePage(db, jsonColumns, filter, paging, ctx);
  return { items: items.map(fromRow), total };
}
