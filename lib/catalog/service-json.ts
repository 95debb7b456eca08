import { eq, inArray, type SQLWrapper, sql } from "drizzle-orm";
import { PgTimestamp } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { preparedPer } from "@/db/prepared";
import { serviceDependencies, services, teams } from "@/db/schema";
import { ServiceSchema } from "@/lib/api/schemas";
import { JsonText } from "@/lib/query/json-text";
import type { CatalogFilter } from "./list-filter";
import { catalogSearch } from "./queries";

const iso = (column: SQLWrapper) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Fields of the answer that are not a `services` column of the same name. */
const derived: Record<string, SQLWrapper> = {
  ownerTeam: teams.slug,
  dependsOn: sql`coalesce((select array_agg(t.slug order by t.slug collate "C") from ${serviceDependencies} d join ${services} t on t.id = d.depends_on_id where d.service_id = "services"."id"), '{}')`,
  archived: sql`${services.archivedAt} is not null`,
};

/**
 * A service as the REST API shows it (camelCase, owner and dependencies by slug), built as
 * JSON text by the database from `services` and the left-joined owning team: the hottest
 * answers (one service, a page of them) are sent without mapping each column to JavaScript
 * and serialising it again. The keys are the API's response schema, so the document, the
 * route tests and this query state the fields once; every other key is the column of that
 * name. Times are ISO 8601 in UTC to the millisecond, exactly as `Date.toJSON` writes them;
 * dependencies in code-point order ("C"), as a JavaScript sort.
 */
const jsonText = sql<string>`json_build_object(${sql.join(
  Object.keys(ServiceSchema.shape).map((key) => {
    const column = derived[key] ?? services[key as keyof typeof services.$inferSelect];
    if (!column) throw new Error(`ServiceSchema.${key} is neither a services column nor derived`);
    const value = column instanceof PgTimestamp ? iso(column) : column;
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  }),
  sql`, `,
)})::text`;

/** A service as the REST API shows it; its times are ISO strings. */
export type ServiceJson = z.infer<typeof ServiceSchema>;

const jsonColumns = { json: jsonText };

const bySlug = preparedPer((db) =>
  db
    .select(jsonColumns)
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(services.slug, sql.placeholder("slug")))
    .prepare("service_json_by_slug"),
);

/** One service as JSON text, or null: the API's hottest read, so a prepared query. */
export async function serviceJsonText(db: Queryable, slug: string): Promise<JsonText<ServiceJson> | null> {
  const [row] = await bySlug(db).execute({ slug });
  return row ? new JsonText<ServiceJson>(row.json) : null;
}

/** One service as JSON, or null. */
export async function serviceJson(db: Queryable, slug: string): Promise<ServiceJson | null> {
  return (await serviceJsonText(db, slug))?.value() ?? null;
}

/** Full JSON for the given slugs, in the order given (the list query decides the order). */
export async function servicesJson(db: Queryable, slugs: string[]): Promise<ServiceJson[]> {
  if (!slugs.length) return [];
  const rows = await db
    .select({ slug: services.slug, ...jsonColumns })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(inArray(services.slug, slugs));
  const bySlug = new Map(rows.map((r) => [r.slug, JSON.parse(r.json) as ServiceJson]));
  return slugs.map((s) => bySlug.get(s)).filter((s): s is ServiceJson => Boolean(s));
}

/**
 * One page of services as JSON text in a single round trip, with the total counted
 * alongside: the items are the database's JSON laid side by side, never parsed here. A
 * search that finds nothing by full text answers with similar names (`similar`).
 */
export async function listServicesJson(
  db: Queryable,
  filter: CatalogFilter,
  paging: { offset: number; pageSize: number },
  ctx: { myTeamIds?: string[]; now?: Date } = {},
): Promise<{ items: JsonText<ServiceJson[]>; total: number; similar: boolean; filter: CatalogFilter }> {
  const found = await catalogSearch(db, jsonColumns, filter, paging, ctx);
  return { ...found, items: new JsonText(`[${found.items.map((i) => i.json).join(",")}]`) };
}
