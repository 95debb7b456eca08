import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services, teams } from "@/db/schema";
import { groupingToEntity, serviceToEntity, teamToEntity, toCatalogYaml } from "./backstage/export";
import type { BackstageEntity } from "./backstage/types";

/** What an export reads of a service: the fields Backstage gets, its owner, and its dependencies' ids. */
const exportColumns = {
  id: services.id,
  slug: services.slug,
  name: services.name,
  description: services.description,
  tier: services.tier,
  lifecycle: services.lifecycle,
  domain: services.domain,
  repoUrl: services.repoUrl,
  runbookUrl: services.runbookUrl,
  onCall: services.onCall,
  links: services.links,
  tags: services.tags,
  rtoMinutes: services.rtoMinutes,
  rpoMinutes: services.rpoMinutes,
  lastDrTestAt: services.lastDrTestAt,
  verifiedAt: services.verifiedAt,
  system: services.system,
  businessDomain: services.businessDomain,
  annotations: services.annotations,
  scorecardLevel: services.scorecardLevel,
  ownerTeam: teams.slug,
  // Ids from the edge table's primary key alone (an index-only scan); slugs come from a map
  // read once, which costs the database a fifth of joining every edge to its target.
  dependsOnIds: sql<
    string[]
  >`coalesce((select array_agg(d.depends_on_id) from ${serviceDependencies} d where d.service_id = ${services.id}), '{}')`,
};

function selectServices(db: Queryable, where: SQL | undefined, limit: number) {
  return db
    .select(exportColumns)
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(where)
    .orderBy(asc(services.slug))
    .limit(limit);
}

type ExportRow = Awaited<ReturnType<typeof selectServices>>[number];

/** Adds the slugs of the rows' dependencies that `slugs` lacks (services made since it was read). */
async function resolveSlugs(db: Queryable, slugs: Map<string, string>, rows: ExportRow[]) {
  const missing = new Set<string>();
  for (const row of rows) for (const id of row.dependsOnIds) if (!slugs.has(id)) missing.add(id);
  if (!missing.size) return;
  const found = await db
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(inArray(services.id, [...missing]));
  for (const r of found) slugs.set(r.id, r.slug);
}

/** The row as serviceToEntity takes it: dependencies by slug, in code-point order (a JavaScript sort). */
function withDependencies(row: ExportRow, slugs: Map<string, string>): ExportRow & { dependsOn: string[] } {
  const dependsOn: string[] = [];
  for (const id of row.dependsOnIds) {
    const slug = slugs.get(id);
    if (slug !== undefined) dependsOn.push(slug);
  }
  // The row is this export's own object: extended in place rather than copied, 10,000 times.
  return Object.assign(row, { dependsOn: dependsOn.sort() });
}

/** One service as Backstage `catalog-info.yaml` (archived or not), or null when there is none. */
export async function exportServiceYaml(db: Queryable, slug: string): Promise<string | null> {
  const [row] = await selectServices(db, eq(services.slug, slug), 1);
  if (!row) return null;
  const slugs = new Map<string, string>();
  await resolveSlugs(db, slugs, [row]);
  return toCatalogYaml([serviceToEntity(withDependencies(row, slugs))]);
}

export const EXPORT_PAGE_SIZE = 500;

/**
 * The live catalog as `catalog-info.yaml`, one string of YAML documents per page of services
 * as the pages arrive, so the first bytes leave before the last row is read and memory holds
 * one page (and a map of service ids to slugs for the dependencies). The owning Groups and the Systems and Domains (groupings on services in Pharos)
 * follow the Components, so every `spec.owner` the file names is in it.
 *
 * Pages are separate statements (keyset on slug), not one long transaction: on PGlite an open
 * transaction would hold the only connection for as long as a slow client takes to download.
 * Each service is written at most once, as it was when its page was read: one renamed to a
 * later slug after it was written is not written again, and one renamed behind the cursor
 * before its page came is left out, as if the rename had followed the export.
 */
export async function* catalogYamlChunks(
  db: Queryable,
  options: { pageSize?: number } = {},
): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const written = new Set<string>();
  const owners = new Set<string>();
  const systems = new Map<string, { domain: string | null; owner: string | null }>();
  const domains = new Map<string, string | null>();
  const live = isNull(services.archivedAt);
  // Every service's slug (archived ones too, as dependencies may name them), read alongside the first page.
  const slugRows = db.select({ id: services.id, slug: services.slug }).from(services).execute();
  const page = (after: string | null): Promise<ExportRow[]> =>
    selectServices(db, after === null ? live : and(live, gt(services.slug, after)), pageSize).execute();
  // The next page is read while this one is written out, so the database and the writer overlap.
  let pending: Promise<ExportRow[]> | null = page(null);
  try {
    const slugs = new Map((await slugRows).map((r) => [r.id, r.slug]));
    while (pending) {
      const rows: ExportRow[] = await pending;
      pending = rows.length === pageSize ? page(rows[rows.length - 1].slug) : null;
      await resolveSlugs(db, slugs, rows);
      const entities: BackstageEntity[] = [];
      for (const row of rows) {
        if (written.has(row.id)) continue;
        written.add(row.id);
        if (row.ownerTeam) owners.add(row.ownerTeam);
        // A grouping is owned by the team of its first service, as a re-import expects.
        if (row.system && !systems.has(row.system))
          systems.set(row.system, { domain: row.businessDomain, owner: row.ownerTeam });
        if (row.businessDomain && !domains.has(row.businessDomain))
          domains.set(row.businessDomain, row.ownerTeam);
        entities.push(serviceToEntity(withDependencies(row, slugs)));
      }
      if (entities.length) yield toCatalogYaml(entities);
    }
  } finally {
    // Stopped early (the reader cancelled): the read already under way has no one to answer.
    pending?.catch(() => {});
    slugRows.catch(() => {});
  }
  const trailer = [...(await ownerGroups(db, [...owners])), ...groupings(domains, systems)];
  if (trailer.length) yield toCatalogYaml(trailer);
}

const encoder = new TextEncoder();

/**
 * The whole-catalog export as a byte stream (UTF-8), pulled page by page: a reader that stops
 * reading stops the queries, and cancelling ends them.
 */
export function catalogYamlStream(
  db: Queryable,
  options: { pageSize?: number } = {},
): ReadableStream<Uint8Array> {
  return byteStream(catalogYamlChunks(db, options));
}

/** Strings from a generator as UTF-8 chunks, one pulled per chunk read; cancelling returns the generator. */
export function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * The catalog (or one service) as Backstage `catalog-info.yaml` in one string. The whole
 * catalog is better sent with `catalogYamlStream`; this collects the same chunks.
 */
export async function exportCatalogYaml(db: Queryable, slug?: string): Promise<string | null> {
  if (slug !== undefined) return exportServiceYaml(db, slug);
  const parts: string[] = [];
  for await (const chunk of catalogYamlChunks(db)) parts.push(chunk);
  return parts.join("");
}

async function ownerGroups(db: Queryable, slugs: string[]): Promise<BackstageEntity[]> {
  const out: BackstageEntity[] = [];
  const CHUNK = 5000;
  const sorted = slugs.sort();
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const rows = await db
      .select({ slug: teams.slug, name: teams.name, description: teams.description })
      .from(teams)
      .where(inArray(teams.slug, sorted.slice(i, i + CHUNK)))
      .orderBy(asc(teams.slug));
    out.push(...rows.map(teamToEntity));
  }
  return out;
}

/** Systems and Domains exist in Pharos only as groupings on services; a re-import finds them as entities. */
function groupings(
  domains: Map<string, string | null>,
  systems: Map<string, { domain: string | null; owner: string | null }>,
): BackstageEntity[] {
  return [
    ...[...domains].map(([name, owner]) =>
      groupingToEntity({ type: "domain", name, domain: null, description: "", ownerTeam: owner }),
    ),
    ...[...systems].map(([name, s]) =>
      groupingToEntity({ type: "system", name, domain: s.domain, description: "", ownerTeam: s.owner }),
    ),
  ];
}
