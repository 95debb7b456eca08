import { getDb } from "@/db/client";
import { parsePaging } from "@/lib/api/paging";
import { commandResponse, jsonBody, readResponse } from "@/lib/api/rest";
import { parseCatalogFilter } from "@/lib/catalog/list-filter";
import { catalogFacets, memberTeamIds } from "@/lib/catalog/queries";
import { createService } from "@/lib/catalog/service-commands";
import { listServicesJson, servicesJson } from "@/lib/catalog/service-json";

/** `q`, `team`, `tier`, `lifecycle`, `domain`, `tag`, `level`, `stale`, `mine`, `archived`, `sort`, `page`, `pageSize`; `facets=true` adds facet counts. */
export async function GET(request: Request) {
  return readResponse(request, "catalog.read", async (actor) => {
    const params = new URL(request.url).searchParams;
    const filter = parseCatalogFilter((k) => params.get(k) ?? undefined);
    const paging = parsePaging(params, 20);
    const db = getDb();
    const myTeamIds =
      filter.mine && actor.kind === "user" ? await memberTeamIds(db, actor.user.id) : undefined;
    const [{ items, total }, facets] = await Promise.all([
      listServicesJson(db, filter, paging, { myTeamIds }),
      params.get("facets") === "true" ? catalogFacets(db, filter, { myTeamIds }) : undefined,
    ]);
    return {
      items,
      total,
      page: paging.page,
      pageSize: paging.pageSize,
      ...(facets ? { facets } : {}),
    };
  });
}

export async function POST(request: Request) {
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const response = await commandResponse(request, createService, body.body, 201);
  if (response.status !== 201) return response;
  const created = await response.json();
  const [json] = await servicesJson(getDb(), [created.slug]);
  return Response.json(json, { status: 201, headers: { location: `/api/v1/services/${created.slug}` } });
}
