import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services, teams } from "@/db/schema";
import { groupingToEntity, serviceToEntity, teamToEntity, toCatalogYaml } from "./backstage/export";
import type { BackstageEntity } from "./backstage/types";
import { catalogVersion } from "./catalog-version";

/** What an export reads of a service: the fields Backstage gets, its owner and dependencies by slug. */
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
  // Code-point order ("C"), as a JavaScript sort, whatever the database's collation. Joined
  // here rather than mapped from ids in JavaScript: the server process is the busier one.
  dependsOn: sql<
    string[]
  >`coalesce((select array_agg(t.slug order by t.slug collate "C") from ${serviceDependencies} d join ${services} t on t.id = d.depends_on_id where d.service_id = ${services.id}), '{}')`,
};

/**
 * A digest of what a service's YAML is made of: its exported columns, its owner's slug and
 * its dependencies by id. Equal digests, equal YAML — as long as no service was renamed, which
 * changes the documents that depend on it without changing their digests: an export that
 * finds a rename renders everything again (see slugsUnchanged). Dependencies by id, not by
 * slug: summing up their slugs cost a lookup per edge, 30,000 at 10,000 services.
 */
const { id: _id, dependsOn: _dependsOn, ...exported } = exportColumns;
const digest = sql<string>`md5(row(${sql.join(Object.values(exported), sql`, `)}, (select array_agg(d.depends_on_id order by d.depends_on_id) from ${serviceDependencies} d where d.service_id = ${services.id}))::text)`;

function selectServices(db: Queryable, where: SQL | undefined, limit: number) {
  return db
    .select({ ...exportColumns, digest })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(where)
    .orderBy(asc(services.slug))
    .limit(limit);
}

/** What a page of the export needs of every service when its YAML is already known. */
function selectDigests(db: Queryable, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: services.id,
      slug: services.slug,
      ownerTeam: teams.slug,
      system: services.system,
      businessDomain: services.businessDomain,
      digest,
    })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(where)
    .orderBy(asc(services.slug))
    .limit(limit);
}

/** One service as Backstage `catalog-info.yaml` (archived or not), or null when there is none. */
export async function exportServiceYaml(db: Queryable, slug: string): Promise<string | null> {
  const [row] = await selectServices(db, eq(services.slug, slug), 1);
  return row ? toCatalogYaml([serviceToEntity(row)]) : null;
}

export const EXPORT_PAGE_SIZE = 500;

/**
 * The live catalog as `catalog-info.yaml`, one string of YAML documents per page of services
 * as the pages arrive, so the first bytes leave before the last row is read and memory holds
 * one page. The owning Groups and
 * the Systems and Domains (groupings on services in Pharos) follow the Components, so every
 * `spec.owner` the file names is in it.
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
  const slugs = await serviceSlugs(db);
  const kept = renderedYaml.get(db);
  const known = kept && slugsUnchanged(kept.slugs, slugs) ? kept.documents : new Map<string, Rendered>();
  const seen = new Map<string, Rendered>();
  const live = isNull(services.archivedAt);
  const page = (after: string | null) =>
    selectDigests(db, after === null ? live : and(live, gt(services.slug, after)), pageSize).execute();
  // The next page is read while this one is written out, so the database and the writer overlap.
  let pending: Promise<DigestRow[]> | null = page(null);
  try {
    while (pending) {
      const rows: DigestRow[] = await pending;
      pending = rows.length === pageSize ? page(rows[rows.length - 1].slug) : null;
      const fresh = await renderMissing(
        db,
        rows.filter((r) => known.get(r.id)?.digest !== r.digest).map((r) => r.id),
      );
      const parts: string[] = [];
      for (const row of rows) {
        if (written.has(row.id)) continue;
        const rendered = fresh.get(row.id) ?? known.get(row.id);
        // Gone (archived, deleted) between the two reads: left out, as if it went just before.
        if (!rendered) continue;
        written.add(row.id);
        seen.set(row.id, rendered);
        if (row.ownerTeam) owners.add(row.ownerTeam);
        // A grouping is owned by the team of its first service, as a re-import expects.
        if (row.system && !systems.has(row.system))
          systems.set(row.system, { domain: row.businessDomain, owner: row.ownerTeam });
        if (row.businessDomain && !domains.has(row.businessDomain))
          domains.set(row.businessDomain, row.ownerTeam);
        parts.push(rendered.yaml);
      }
      if (parts.length) yield parts.join("");
    }
  } finally {
    // Stopped early (the reader cancelled): the read already under way has no one to answer.
    pending?.catch(() => {});
  }
  // Only a finished export replaces what is kept: it then holds exactly the live services.
  renderedYaml.set(db, { slugs, documents: seen });
  const trailer = [...(await ownerGroups(db, [...owners])), ...groupings(domains, systems)];
  if (trailer.length) yield toCatalogYaml(trailer);
}

type DigestRow = Awaited<ReturnType<typeof selectDigests>>[number];
type Rendered = { digest: string; yaml: string };

/**
 * Each service's YAML document as last rendered, by id, with the digest of what it was made
 * from (per database handle). After a write only the services it touched are read in full
 * and rendered again: at 10,000 services an export after one edit renders one document
 * instead of 10,000 (≈250 → 140 ms here, most of the rest the digests). The digest is read with the
 * columns it sums up, so a document is never kept under the digest of another version.
 */
const renderedYaml = new WeakMap<object, { slugs: Map<string, string>; documents: Map<string, Rendered> }>();

/** Every service's slug by id, archived ones too (a live service may depend on one). */
async function serviceSlugs(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select({ id: services.id, slug: services.slug }).from(services);
  return new Map(rows.map((r) => [r.id, r.slug]));
}

/** Whether every service in both maps has the same slug in each (new and deleted ones rename nothing). */
function slugsUnchanged(before: Map<string, string>, now: Map<string, string>): boolean {
  for (const [id, slug] of now) {
    const was = before.get(id);
    if (was !== undefined && was !== slug) return false;
  }
  return true;
}

async function renderMissing(db: Queryable, ids: string[]): Promise<Map<string, Rendered>> {
  const out = new Map<string, Rendered>();
  if (!ids.length) return out;
  const rows = await selectServices(
    db,
    and(isNull(services.archivedAt), inArray(services.id, ids)),
    ids.length,
  );
  for (const row of rows)
    out.set(row.id, { digest: row.digest, yaml: toCatalogYaml([serviceToEntity(row)]) });
  return out;
}

const encoder = new TextEncoder();

/** Past this a whole-catalog export is streamed but not kept (≈6.6 MB at 10,000 services). */
export const EXPORT_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** The last whole-catalog export per database handle, as the bytes sent, and the version it shows. */
const exportCache = new WeakMap<object, { version: number; chunks: Uint8Array[] }>();

/**
 * The whole catalog as UTF-8 chunks: from memory while the catalog version stands still (an
 * export is a scan of every service, ≈0.5 s of database and YAML at 10,000, for the same
 * bytes every time), otherwise read afresh and kept as it streams. Kept only when no write
 * landed while it was read, so it is exactly that version's catalog, and never over a newer
 * one; a reader that stops half-way keeps nothing.
 */
async function* catalogYamlBytes(db: Queryable): AsyncGenerator<Uint8Array> {
  const version = await catalogVersion(db);
  const hit = exportCache.get(db);
  if (hit?.version === version) {
    yield* hit.chunks;
    return;
  }
  let kept: Uint8Array[] | null = [];
  let size = 0;
  for await (const chunk of catalogYamlChunks(db)) {
    const bytes = encoder.encode(chunk);
    size += bytes.byteLength;
    if (kept && size <= EXPORT_CACHE_MAX_BYTES) kept.push(bytes);
    else kept = null;
    yield bytes;
  }
  if (kept && (await catalogVersion(db)) === version && (exportCache.get(db)?.version ?? -1) <= version)
    exportCache.set(db, { version, chunks: kept });
}

/**
 * The whole-catalog export as a byte stream (UTF-8), pulled chunk by chunk: a reader that
 * stops reading stops the queries, and cancelling ends them. With `pageSize` it is always
 * read afresh in pages of that size.
 */
export function catalogYamlStream(
  db: Queryable,
  options: { pageSize?: number } = {},
): ReadableStream<Uint8Array> {
  return byteStream(options.pageSize ? catalogYamlChunks(db, options) : catalogYamlBytes(db));
}

/** Chunks from a generator as a byte stream, one pulled per chunk read; cancelling returns the generator. */
export function byteStream(chunks: AsyncGenerator<string | Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
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
