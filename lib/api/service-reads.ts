import { getDb } from "@/db/client";
import { parsePaging } from "@/lib/api/paging";
import { type ApiCall, eagerReadReply, errorReply, type Reply, readReply } from "@/lib/api/rest";
import { parseCatalogFilter } from "@/lib/catalog/list-filter";
import { catalogFacets, FACETS, type FacetKey, memberTeamIds } from "@/lib/catalog/queries";
import { listServicesJson, serviceJson } from "@/lib/catalog/service-json";

/*
 * The catalog's hottest reads as `ApiCall → Reply` functions. The route files wrap them in
 * a Response, and the fast lane (lib/api/fast-lane.ts) writes them straight to the socket,
 * so both doors give the same answer.
 */

/** `q`, `team`, `tier`, `lifecycle`, `domain`, `tag`, `level`, `stale`, `mine`, `archived`, `sort`, `page`, `pageSize`; `facets=true` adds facet counts. */
export function listServicesReply(call: ApiCall): Promise<Reply> {
  const { params } = call;
  const filter = parseCatalogFilter((k) => params.get(k) ?? undefined);
  const paging = parsePaging(params, 20);
  const withFacets = params.get("facets") === "true";
  const page = async (myTeamIds?: string[]) => {
    const db = getDb();
    const [{ items, total }, facets] = await Promise.all([
      listServicesJson(db, filter, paging, { myTeamIds }),
      withFacets ? catalogFacets(db, filter, { myTeamIds }) : undefined,
    ]);
    return { items, total, page: paging.page, pageSize: paging.pageSize, ...(facets ? { facets } : {}) };
  };
  // Only "mine" depends on who asks; every other list can be read while the token is checked.
  if (!filter.mine) return eagerReadReply(call, "catalog.read", () => page());
  return readReply(call, "catalog.read", async (actor) =>
    page(actor.kind === "user" ? await memberTeamIds(getDb(), actor.user.id) : undefined),
  );
}

export function serviceReply(call: ApiCall, slug: string): Promise<Reply> {
  return eagerReadReply(call, "catalog.read", () => serviceJson(getDb(), slug));
}

/**
 * Facet counts (team, tier, lifecycle, domain, level, tag) under the same filters as the
 * list; `facet=tier,team` counts only those, as Backstage's /entity-facets?facet=… does.
 */
export async function serviceFacetsReply(call: ApiCall): Promise<Reply> {
  const { params } = call;
  const only = params.get("facet")?.split(",").filter(Boolean);
  const unknown = only?.filter((f) => !(FACETS as readonly string[]).includes(f)) ?? [];
  if (unknown.length) {
    return errorReply({
      code: "invalid",
      error: `Unknown facet: ${unknown.join(", ")}. Facets are ${FACETS.join(", ")}.`,
      fieldErrors: { facet: "Unknown facet." },
    });
  }
  const filter = parseCatalogFilter((k) => params.get(k) ?? undefined);
  const facets = (myTeamIds?: string[]) =>
    catalogFacets(getDb(), filter, { myTeamIds, only: only as FacetKey[] | undefined });
  if (!filter.mine) return eagerReadReply(call, "catalog.read", () => facets());
  return readReply(call, "catalog.read", async (actor) =>
    facets(actor.kind === "user" ? await memberTeamIds(getDb(), actor.user.id) : undefined),
  );
}
