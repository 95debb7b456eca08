import { getDb } from "@/db/client";
import { readResponse } from "@/lib/api/rest";
import { parseCatalogFilter } from "@/lib/catalog/list-filter";
import { catalogFacets, memberTeamIds } from "@/lib/catalog/queries";

/** Facet counts (team, tier, lifecycle, domain, level, tag) under the same filters as the list. */
export async function GET(request: Request) {
  return readResponse(request, "catalog.read", async (actor) => {
    const params = new URL(request.url).searchParams;
    const filter = parseCatalogFilter((k) => params.get(k) ?? undefined);
    const db = getDb();
    const myTeamIds =
      filter.mine && actor.kind === "user" ? await memberTeamIds(db, actor.user.id) : undefined;
    return catalogFacets(db, filter, { myTeamIds });
  });
}
