import { getDb } from "@/db/client";
import { errorResponse, readResponse } from "@/lib/api/rest";
import { parseCatalogFilter } from "@/lib/catalog/list-filter";
import { catalogFacets, FACETS, type FacetKey, memberTeamIds } from "@/lib/catalog/queries";

/**
 * Facet counts (team, tier, lifecycle, domain, level, tag) under the same filters as the
 * list; `facet=tier,team` counts only those, as Backstage's /entity-facets?facet=… does.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const only = params.get("facet")?.split(",").filter(Boolean);
  const unknown = only?.filter((f) => !(FACETS as readonly string[]).includes(f)) ?? [];
  if (unknown.length) {
    return errorResponse({
      code: "invalid",
      error: `Unknown facet: ${unknown.join(", ")}. Facets are ${FACETS.join(", ")}.`,
      fieldErrors: { facet: "Unknown facet." },
    });
  }
  return readResponse(request, "catalog.read", async (actor) => {
    const filter = parseCatalogFilter((k) => params.get(k) ?? undefined);
    const db = getDb();
    const myTeamIds =
      filter.mine && actor.kind === "user" ? await memberTeamIds(db, actor.user.id) : undefined;
    return catalogFacets(db, filter, { myTeamIds, only: only as FacetKey[] | undefined });
  });
}
