import { eq, inArray, type SQLWrapper, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { preparedPer } from "@/db/prepared";
import { type Service, serviceDependencies, services, teams } from "@/db/schema";
import { JsonText } from "@/lib/query/json-text";
import type { CatalogFilter } from "./list-filter";
import { catalogSearch } from "./queries";

const iso = (column: SQLWrapper) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A service as the REST API shows it (camelCase, owner and dependencies by slug), built as
 * JSON text by the database from `services` and the left-joined owning team: the hottest
 * answers (one service, a page of them) are sent without mapping each column to JavaScript
 * and serialising it again. Times are ISO 8601 in UTC to the millisecond, exactly as
 * `Date.toJSON` writes them; dependencies in code-point order ("C"), as a JavaScript sort.
 */
const jsonText = sql<string>`json_build_object(
  'slug', ${services.slug},
  'name', ${services.name},
  'description', ${services.description},
  'ownerTeam', ${teams.slug},
  'tier', ${services.tier},
  'lifecycle', ${services.lifecycle},
  'domain', ${services.domain},
  'repoUrl', ${services.repoUrl},
  'runbookUrl', ${services.runbookUrl},
  'onCall', ${services.onCall},
  'links', ${services.links},
  'tags', ${services.tags},
  'dependsOn', coalesce((select array_agg(t.slug order by t.slug collate "C") from ${serviceDependencies} d join ${services} t on t.id = d.depends_on_id where d.service_id = "services"."id"), '{}'),
  'rtoMinutes', ${services.rtoMinutes},
  'rpoMinutes', ${services.rpoMinutes},
  'lastDrTestAt', ${iso(services.lastDrTestAt)},
  'verifiedAt', ${iso(services.verifiedAt)},
  'system', ${services.system},
  'businessDomain', ${services.businessDomain},
  'annotations', ${services.annotations},
  'scorecardLevel', ${services.scorecardLevel},
  'archived', ${services.archivedAt} is not null,
  'createdAt', ${iso(services.createdAt)},
  'updatedAt', ${iso(services.updatedAt)}
)::text`;

/** A service as the REST API shows it; its times are ISO strings. */
export type ServiceJson = {
  slug: string;
  name: string;
  description: string | null;
  ownerTeam: string | null;
  tier: Service["tier"];
  lifecycle: Service["lifecycle"];
  domain: Service["domain"];
  repoUrl: string | null;
  runbookUrl: string | null;
  onCall: string | null;
  links: Service["links"];
  tags: string[];
  dependsOn: string[];
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  lastDrTestAt: string | null;
  verifiedAt: string | null;
  system: string | null;
  businessDomain: string | null;
  annotations: Service["annotations"];
  scorecardLevel: Service["scorecardLevel"];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

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
