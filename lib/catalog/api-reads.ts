import { z } from "zod";
import type { Queryable } from "@/db/client";
import { SCORECARD_LEVELS } from "@/db/schema/catalog";
import { LIFECYCLES, SERVICE_DOMAINS, TIERS } from "@/db/schema/enums";
import { flag, offsetOf, pagingQuery, slugParam } from "@/lib/api/params";
import type { Actor } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { JsonText, jsonObjectText } from "@/lib/query/json-text";
import { catalogYamlStream, exportCatalogYaml } from "./export";
import { importFileInput } from "./import/input";
import { planImport } from "./import/plan";
import { parseCatalogFilter, SORTS } from "./list-filter";
import { catalogFacets, FACETS, type FacetKey, memberTeamIds } from "./queries";
import { listServicesJson, type ServiceJson, serviceJsonText } from "./service-json";

/** The catalog's filters as query parameters; unknown enum values are refused, not ignored. */
export const catalogFilterQuery = {
  q: z
    .string()
    .max(200)
    .optional()
    .describe("full-text search over name, slug, description and tags (prefix match)"),
  team: z.string().max(63).optional().describe("owner team slug"),
  tier: z.enum(TIERS).optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  domain: z.enum(SERVICE_DOMAINS).optional(),
  tag: z.string().max(40).optional(),
  level: z.enum(SCORECARD_LEVELS).optional().describe("scorecard level"),
  stale: flag.describe("only services not verified within the staleness window"),
  frozen: flag.describe("only services in budget freeze (an SLO has spent its error budget)"),
  mine: flag.describe("only services of the caller's teams"),
  archived: flag.describe("archived services instead of live ones"),
  sort: z.enum(SORTS).default("name"),
};

export const listServicesInput = z.object({
  ...catalogFilterQuery,
  ...pagingQuery(20),
  facets: flag.describe("add facet counts under the same filters"),
});

type FilterInput = { [K in keyof typeof catalogFilterQuery]?: unknown };

/** The parsed parameters as the catalog's filter (lower-casing and trimming as the UI does). */
function toFilter(input: FilterInput) {
  return parseCatalogFilter((k) => {
    const v = input[k as keyof FilterInput];
    return typeof v === "boolean" ? (v ? "true" : undefined) : (v as string | undefined);
  });
}

/** The caller's team ids when the list is limited to "mine" (only then does the answer depend on who asks). */
async function myTeams(actor: Actor, mine: boolean, db: Queryable) {
  if (!mine || actor.kind !== "user") return undefined;
  return memberTeamIds(db, actor.user.id);
}

export const listServicesRead = defineQuery({
  name: "catalog.list_services",
  permission: "catalog.read",
  input: listServicesInput,
  async run({ db, actor }, input) {
    const filter = toFilter(input);
    const paging = offsetOf(input);
    const myTeamIds = await myTeams(actor, filter.mine ?? false, db);
    const [found, exactFacets] = await Promise.all([
      listServicesJson(db, filter, paging, { myTeamIds }),
      input.facets ? catalogFacets(db, filter, { myTeamIds }) : undefined,
    ]);
    const { items, total, similar } = found;
    const facets =
      similar && input.facets ? await catalogFacets(db, found.filter, { myTeamIds }) : exactFacets;
    const rest = {
      total,
      page: paging.page,
      pageSize: paging.pageSize,
      ...(similar ? { similar: true } : {}),
      ...(facets ? { facets } : {}),
    };
    return new JsonText<{ items: ServiceJson[] } & typeof rest>(jsonObjectText(rest, { items: items.text }));
  },
});

export const serviceFacetsInput = z.object({
  ...catalogFilterQuery,
  facet: z
    .string()
    .max(200)
    .optional()
    .describe(`comma-separated subset of ${FACETS.join(", ")}`)
    .transform((v, ctx) => {
      const only = v?.split(",").filter(Boolean);
      const unknown = only?.filter((f) => !(FACETS as readonly string[]).includes(f)) ?? [];
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          message: `Unknown facet: ${unknown.join(", ")}. Facets are ${FACETS.join(", ")}.`,
        });
        return z.NEVER;
      }
      return only as FacetKey[] | undefined;
    }),
});

export const serviceFacetsRead = defineQuery({
  name: "catalog.service_facets",
  permission: "catalog.read",
  input: serviceFacetsInput,
  async run({ db, actor }, input) {
    const filter = toFilter(input);
    return catalogFacets(db, filter, {
      myTeamIds: await myTeams(actor, filter.mine ?? false, db),
      only: input.facet,
    });
  },
});

export const serviceRead = defineQuery({
  name: "catalog.service",
  permission: "catalog.read",
  input: z.object({ slug: slugParam }),
  run: ({ db }, { slug }) => serviceJsonText(db, slug),
});

export const serviceYamlRead = defineQuery({
  name: "catalog.service_yaml",
  permission: "catalog.read",
  input: z.object({ slug: slugParam }),
  run: ({ db }, { slug }) => exportCatalogYaml(db, slug),
});

export const catalogYamlRead = defineQuery({
  name: "catalog.catalog_yaml",
  permission: "catalog.read",
  input: z.object({}),
  // Streamed page by page as it is read: the whole catalog is never one string in memory.
  run: async ({ db }) => catalogYamlStream(db),
});

/**
 * What importing this YAML would do, entity by entity; needs the right to import, writes
 * nothing. Its input is the import's own, so the dry run refuses and reports exactly what
 * the import would (the same size limit, the file read while the input is parsed).
 */
export const importPreviewRead = defineQuery({
  name: "catalog.import_preview",
  permission: "service.create",
  input: importFileInput,
  async run({ db, actor }, { yaml }) {
    const { services: _s, teams: _t, users: _u, ...plan } = await planImport(db, actor, yaml);
    return plan;
  },
});
