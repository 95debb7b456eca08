import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResult } from "drizzle-orm/query-builders/select.types";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services, teamMembers, teams } from "@/db/schema";
import { versionedCache } from "./catalog-version";
import { type CatalogFilter, STALE_AFTER_DAYS, toPrefixQuery } from "./list-filter";
import { levelsBelow } from "./scorecard";

export { teamsOfUser } from "./team-queries";

/**
 * The stored search document (a generated column, migration 0006): kept out of the drizzle
 * columns so that no insert names it and no `select()` of a whole row carries it.
 */
const searchVector = sql`${services}."search_vector"`;

/**
 * How much `q` looks like a service's name or slug (pg_trgm's word similarity: the best
 * matching stretch of the name, so "legder" scores 0.29 against "General Ledger").
 */
const similarity = (q: string) =>
  sql`greatest(word_similarity(${q.toLowerCase()}, lower(${services.name})), word_similarity(${q.toLowerCase()}, ${services.slug}))`;
/** Low enough for one swapped or missing letter in a short word, high enough to leave noise out. */
const SIMILAR_ENOUGH = 0.25;

/**
 * The fewest edits (fuzzystrmatch's Levenshtein distance) from `q` to the whole name or to
 * one of its words or slug parts: the ranking among similar names, since trigrams score a
 * swapped pair of letters no better than a different word sharing a prefix ("legder" is as
 * trigram-close to "legacy" as to "ledger"; it is two edits from one and three from the other).
 */
const editDistance = (q: string) => {
  const typed = q.toLowerCase().slice(0, 255);
  return sql`least(levenshtein(${typed}, left(lower(${services.name}), 255)), (select min(levenshtein(${typed}, left(w, 255))) from regexp_split_to_table(lower(${services.name}) || ' ' || replace(${services.slug}, '-', ' '), '\\s+') as w))`;
};

export type FacetKey = "team" | "tier" | "lifecycle" | "domain" | "level" | "tag";

/** SQL conditions for a filter, leaving out one facet (for that facet's own counts). */
export function conditions(
  filter: CatalogFilter,
  ctx: { myTeamIds?: string[]; now: Date },
  except?: FacetKey,
): SQL[] {
  const where: SQL[] = [filter.archived ? isNotNull(services.archivedAt) : isNull(services.archivedAt)];
  const tsquery = filter.q ? toPrefixQuery(filter.q) : null;
  if (filter.q && filter.similar) where.push(sql`${similarity(filter.q)} >= ${SIMILAR_ENOUGH}`);
  else if (filter.q)
    where.push(tsquery ? sql`${searchVector} @@ to_tsquery('simple', ${tsquery})` : sql`false`);
  if (filter.team && except !== "team")
    where.push(sql`${services.ownerTeamId} = (select id from ${teams} where slug = ${filter.team})`);
  if (filter.tier && except !== "tier") where.push(eq(services.tier, filter.tier));
  if (filter.lifecycle && except !== "lifecycle") where.push(eq(services.lifecycle, filter.lifecycle));
  if (filter.domain && except !== "domain") where.push(eq(services.domain, filter.domain));
  if (filter.level && except !== "level") where.push(eq(services.scorecardLevel, filter.level));
  if (filter.below) where.push(inArray(services.scorecardLevel, levelsBelow(filter.below)));
  if (filter.unowned) where.push(isNull(services.ownerTeamId));
  // As of the last alert evaluation (after every ingestion and every five minutes), which
  // records when an SLO's budget runs out; `budgetFreeze` in lib/slo computes it live.
  if (filter.frozen)
    where.push(
      sql`exists (select 1 from slos where slos.service_id = ${services.id} and slos.budget_exhausted_at is not null)`,
    );
  if (filter.tag && except !== "tag") where.push(sql`${services.tags} @> array[${filter.tag}]::text[]`);
  if (filter.stale) {
    const cutoff = new Date(ctx.now.getTime() - STALE_AFTER_DAYS * 86_400_000);
    where.push(or(isNull(services.verifiedAt), lt(services.verifiedAt, cutoff))!);
  }
  if (filter.mine)
    where.push(ctx.myTeamIds?.length ? inArray(services.ownerTeamId, ctx.myTeamIds) : sql`false`);
  return where;
}

export function ordering(filter: CatalogFilter): SQL[] {
  const tsquery = filter.q ? toPrefixQuery(filter.q) : null;
  // id breaks ties between equal names (services_active_name_idx holds both), so paging is stable.
  const byName = sql`${services.name} asc, ${services.id} asc`;
  switch (filter.sort) {
    case "tier":
      return [asc(services.tier), byName];
    case "level":
      return [
        sql`array_position(array['gold','silver','bronze','none'], ${services.scorecardLevel})`,
        byName,
      ];
    case "updated":
      return [desc(services.updatedAt), byName];
    case "verified":
      return [sql`${services.verifiedAt} asc nulls first`, byName];
    default:
      if (filter.q && filter.similar)
        return [sql`${editDistance(filter.q)} asc`, sql`${similarity(filter.q)} desc`, byName];
      return tsquery
        ? [sql`ts_rank(${searchVector}, to_tsquery('simple', ${tsquery})) desc`, byName]
        : [byName];
  }
}

/** The catalog's row columns: what a list shows of each service. */
const rowColumns = {
  slug: services.slug,
  name: services.name,
  description: services.description,
  tier: services.tier,
  lifecycle: services.lifecycle,
  domain: services.domain,
  tags: services.tags,
  scorecardLevel: services.scorecardLevel,
  verifiedAt: services.verifiedAt,
  archivedAt: services.archivedAt,
  teamSlug: teams.slug,
  teamName: teams.name,
};

/** A row selected by `columns` from services with the owning team left-joined. */
type ServiceRow<C extends SelectedFields> = SelectResult<
  C,
  "partial",
  { services: "not-null"; teams: "nullable" }
>;

/**
 * One page of services under a filter, selecting `columns` (with their owning team joined),
 * and the total matching, counted alongside.
 *
 * The page's ids are chosen first and the columns read for those alone: PostgreSQL evaluates
 * a select list (the JSON's dependencies subquery, say) for every row an OFFSET skips too, so
 * the fifth page of 200 cost five pages of it, and the last page of 10,000 fifty.
 */
export async function servicePage<C extends SelectedFields>(
  db: Queryable,
  columns: C,
  filter: CatalogFilter,
  paging: { offset: number; pageSize: number },
  ctx: { myTeamIds?: string[]; now?: Date } = {},
): Promise<{
  items: SelectResult<C, "partial", { services: "not-null"; teams: "nullable" }>[];
  total: number;
}> {
  const where = and(...conditions(filter, { ...ctx, now: ctx.now ?? new Date() }));
  const [items, total] = await Promise.all([
    servicePageRows(db, columns, filter, paging, where),
    serviceCount(db, filter, where),
  ]);
  return { items: items as ServiceRow<C>[], total };
}

/**
 * A page of services under a filter, and when a search finds nothing by full text, the
 * services whose names are most like it instead (`similar: true`), so a typo still lands.
 * The filter it answered for is returned, to count facets under the same conditions.
 */
export async function catalogSearch<C extends SelectedFields>(
  db: Queryable,
  columns: C,
  filter: CatalogFilter,
  paging: { offset: number; pageSize: number },
  ctx: { myTeamIds?: string[]; now?: Date } = {},
) {
  const exact = await servicePage(db, columns, filter, paging, ctx);
  if (exact.total > 0 || !filter.q || !toPrefixQuery(filter.q)) return { ...exact, similar: false, filter };
  const similar = { ...filter, similar: true };
  return { ...(await servicePage(db, columns, similar, paging, ctx)), similar: true, filter: similar };
}

const countCache = versionedCache<number>();

/**
 * How many services match: kept until the catalog next changes, like the facets, since
 * counting 10,000 live services is a scan of an index (≈0.9 ms of the database's time) for
 * the same number on every page. "stale" and "mine" depend on the clock and the caller.
 */
function serviceCount(db: Queryable, filter: CatalogFilter, where: SQL | undefined): Promise<number> {
  const counted = async () => (await db.select({ total: count() }).from(services).where(where))[0].total;
  if (filter.stale || filter.mine || filter.frozen) return counted();
  return countCache(db, JSON.stringify({ ...filter, sort: undefined }), counted);
}

/** The rows of one page (see servicePage); the query builder, so tests can ask for its plan. */
export function servicePageRows(
  db: Queryable,
  columns: SelectedFields,
  filter: CatalogFilter,
  paging: { offset: number; pageSize: number },
  where: SQL | undefined,
) {
  const order = ordering(filter);
  const ids = db
    .select({ id: services.id })
    .from(services)
    .where(where)
    .orderBy(...order)
    .limit(paging.pageSize)
    .offset(paging.offset);
  return db
    .select(columns)
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(inArray(services.id, ids))
    .orderBy(...order);
}

export function listServices(
  db: Queryable,
  filter: CatalogFilter,
  paging: { offset: number; pageSize: number },
  ctx: { myTeamIds?: string[]; now?: Date } = {},
) {
  return servicePage(db, rowColumns, filter, paging, ctx);
}

/** The catalog list with the similar-names fallback (see catalogSearch). */
export function searchServices(
  db: Queryable,
  filter: CatalogFilter,
  paging: { offset: number; pageSize: number },
  ctx: { myTeamIds?: string[]; now?: Date } = {},
) {
  return catalogSearch(db, rowColumns, filter, paging, ctx);
}

export type Facet = { value: string; label: string; count: number };

const SIMPLE_FACETS = {
  tier: sql`${services.tier}::text`,
  lifecycle: sql`${services.lifecycle}::text`,
  domain: sql`${services.domain}::text`,
  level: sql`${services.scorecardLevel}`,
  team: sql`${teams.slug}`,
} as const;
export type SimpleFacet = keyof typeof SIMPLE_FACETS;

/**
 * Counts per value of each facet under the other active filters (classic faceted search).
 * Every facet that is not itself filtered shares the same WHERE clause, so all of those
 * are counted in a single scan with GROUPING SETS; each filtered facet, and the tags,
 * take one more query.
 */
export const FACETS = ["team", "tier", "lifecycle", "domain", "level", "tag"] as const;

type FacetContext = { myTeamIds?: string[]; now?: Date; only?: readonly FacetKey[] };
type Facets = Awaited<ReturnType<typeof countFacets>>;

const facetCache = versionedCache<Facets>();

/**
 * Facet counts, kept until the catalog next changes: over the whole catalog they are a scan
 * of every service (≈30 ms at 10,000), and most page views ask for the same few filters.
 * "stale" depends on the clock and "mine" on the caller, so those are always counted afresh.
 * The result is shared between callers: do not mutate it.
 */
export async function catalogFacets(db: Queryable, filter: CatalogFilter, ctx: FacetContext = {}) {
  if (filter.stale || filter.mine || filter.frozen) return countFacets(db, filter, ctx);
  const key = JSON.stringify([{ ...filter, sort: undefined }, ctx.only ?? null]);
  return facetCache(db, key, () => countFacets(db, filter, ctx));
}

/**
 * Counts per value of `facets` under `where`, all in one scan with GROUPING SETS. Only the
 * team facet needs the teams table: counting lifecycles over 10,000 services without the join
 * is a scan of services alone (≈13 → 6 ms).
 */
export function facetCountQuery(db: Queryable, facets: SimpleFacet[], where: SQL | undefined) {
  const sets = sql.join(
    facets.map((f) => sql`(${SIMPLE_FACETS[f]}${f === "team" ? sql`, ${teams.name}` : sql``})`),
    sql`, `,
  );
  const which = sql.join(
    facets.map((f) => sql`when grouping(${SIMPLE_FACETS[f]}) = 0 then ${f}`),
    sql` `,
  );
  const withTeams = facets.includes("team");
  const query = db
    .select({
      facet: sql<SimpleFacet>`case ${which} end`,
      value: sql<string>`coalesce(${sql.join(
        facets.map((f) => SIMPLE_FACETS[f]),
        sql`, `,
      )})`,
      label: withTeams ? sql<string | null>`max(${teams.name})` : sql<string | null>`null`,
      count: count(),
    })
    .from(services);
  return (withTeams ? query.leftJoin(teams, eq(teams.id, services.ownerTeamId)) : query)
    .where(where)
    .groupBy(sql`grouping sets (${sets})`);
}

async function countFacets(db: Queryable, filter: CatalogFilter, ctx: FacetContext) {
  const base = { ...ctx, now: ctx.now ?? new Date() };
  const wanted = (f: FacetKey) => !ctx.only || ctx.only.includes(f);
  const dims = (Object.keys(SIMPLE_FACETS) as SimpleFacet[]).filter(wanted);
  const active = dims.filter((d) => filter[d] !== undefined);
  const shared = dims.filter((d) => filter[d] === undefined);
  const facetQuery = (facets: SimpleFacet[], except?: FacetKey) =>
    facetCountQuery(db, facets, and(...conditions(filter, base, except)));
  const [sharedRows, activeRows, tag] = await Promise.all([
    shared.length ? facetQuery(shared) : Promise.resolve([]),
    Promise.all(active.map((f) => facetQuery([f], f))),
    wanted("tag")
      ? db
          .select({ value: sql<string>`t.tag`, count: count() })
          .from(sql`${services}, unnest(${services.tags}) as t(tag)`)
          .where(and(...conditions(filter, base, "tag")))
          .groupBy(sql`t.tag`)
          .orderBy(desc(count()), sql`t.tag`)
          .limit(15)
      : Promise.resolve([]),
  ]);
  const out: Record<SimpleFacet, Facet[]> = { tier: [], lifecycle: [], domain: [], level: [], team: [] };
  for (const row of [...sharedRows, ...activeRows.flat()]) {
    if (row.value === null) continue; // unowned services have no team value
    out[row.facet].push({
      value: row.value,
      label: row.facet === "team" ? (row.label ?? row.value) : row.value,
      count: row.count,
    });
  }
  const byCount = (a: Facet, b: Facet) => b.count - a.count || a.label.localeCompare(b.label);
  return {
    team: out.team.sort(byCount),
    tier: out.tier.sort((a, b) => a.value.localeCompare(b.value)),
    lifecycle: out.lifecycle.sort(byCount),
    domain: out.domain.sort(byCount),
    level: out.level.sort((a, b) => LEVEL_ORDER.indexOf(a.value) - LEVEL_ORDER.indexOf(b.value)),
    tag: tag.map((r) => ({ ...r, label: r.value })),
  };
}

const LEVEL_ORDER = ["gold", "silver", "bronze", "none"];

/** Services per scorecard level, grouped by team or by tier, for the rollups. */
export async function scorecardRollup(db: Queryable, by: "team" | "tier", teamSlug?: string) {
  const key = by === "team" ? teams.slug : services.tier;
  const rows = await db
    .select({
      key: sql<string>`${key}::text`,
      label: by === "team" ? teams.name : sql<string>`${services.tier}::text`,
      level: services.scorecardLevel,
      services: count(),
      passed: sql<number>`sum(${services.scorecardPassed})::int`,
      applicable: sql<number>`sum(${services.scorecardApplicable})::int`,
    })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(and(isNull(services.archivedAt), teamSlug ? eq(teams.slug, teamSlug) : undefined))
    .groupBy(key, by === "team" ? teams.name : services.tier, services.scorecardLevel);
  const out = new Map<
    string,
    {
      key: string;
      label: string;
      total: number;
      passed: number;
      applicable: number;
      levels: Record<string, number>;
    }
  >();
  for (const r of rows) {
    const k = r.key ?? "unowned";
    const entry = out.get(k) ?? {
      key: k,
      label: r.label ?? "Unowned",
      total: 0,
      passed: 0,
      applicable: 0,
      levels: { gold: 0, silver: 0, bronze: 0, none: 0 },
    };
    entry.total += r.services;
    entry.passed += r.passed;
    entry.applicable += r.applicable;
    entry.levels[r.level] = (entry.levels[r.level] ?? 0) + r.services;
    out.set(k, entry);
  }
  return [...out.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export async function memberTeamIds(db: Queryable, userId: string) {
  const rows = await db
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.id);
}

export async function dependencyCount(db: Queryable, serviceId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(serviceDependencies)
    .where(eq(serviceDependencies.serviceId, serviceId));
  return row.n;
}
