import { asc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services, teams } from "@/db/schema";
import { groupingToEntity, serviceToEntity, teamToEntity, toCatalogYaml } from "./backstage/export";
import type { BackstageEntity } from "./backstage/types";
import { edgesFrom } from "./edges";

/**
 * The catalog (or one service) as Backstage `catalog-info.yaml`. The whole-catalog export
 * also writes the owning Groups, so Backstage can resolve every `spec.owner`.
 */
export async function exportCatalogYaml(db: Queryable, slug?: string): Promise<string | null> {
  const rows = await db
    .select({ service: services, team: teams.slug })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(slug ? eq(services.slug, slug) : isNull(services.archivedAt))
    .orderBy(asc(services.slug));
  if (slug && !rows.length) return null;
  const edges = await edgesFrom(
    db,
    rows.map((r) => r.service.id),
  );
  const deps = new Map<string, string[]>();
  for (const e of edges) deps.set(e.from, [...(deps.get(e.from) ?? []), e.to]);
  const entities: BackstageEntity[] = [];
  if (!slug) {
    const owners = [...new Set(rows.map((r) => r.team).filter((t): t is string => Boolean(t)))];
    const teamRows = owners.length
      ? await db.select().from(teams).where(inArray(teams.slug, owners)).orderBy(asc(teams.slug))
      : [];
    entities.push(
      ...teamRows.map((t) => teamToEntity({ slug: t.slug, name: t.name, description: t.description })),
    );
    entities.push(...groupings(rows.map((r) => ({ ...r.service, team: r.team }))));
  }
  for (const { service: s, team } of rows) {
    entities.push(
      serviceToEntity({
        ...s,
        ownerTeam: team,
        dependsOn: (deps.get(s.slug) ?? []).sort(),
      }),
    );
  }
  return toCatalogYaml(entities);
}

/**
 * Systems and Domains exist in Pharos only as groupings on services; the export writes
 * them as entities (owned by the team of their first service) so a re-import finds them.
 */
function groupings(
  rows: { system: string | null; businessDomain: string | null; team: string | null }[],
): BackstageEntity[] {
  const systems = new Map<string, { domain: string | null; owner: string | null }>();
  const domains = new Map<string, string | null>();
  for (const r of rows) {
    if (r.system && !systems.has(r.system))
      systems.set(r.system, { domain: r.businessDomain, owner: r.team });
    if (r.businessDomain && !domains.has(r.businessDomain)) domains.set(r.businessDomain, r.team);
  }
  return [
    ...[...domains].map(([name, owner]) =>
      groupingToEntity({ type: "domain", name, domain: null, description: "", ownerTeam: owner }),
    ),
    ...[...systems].map(([name, s]) =>
      groupingToEntity({ type: "system", name, domain: s.domain, description: "", ownerTeam: s.owner }),
    ),
  ];
}
