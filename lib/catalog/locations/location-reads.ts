import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { catalogLocations, users } from "@/db/schema";
import { actorUserId, can } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { importCatalog } from "../import/apply";
import { locationJson } from "./json";
import { locationIdInput } from "./schemas";

/** Locations with who registered them, never with the header's value (see `locationJson`). */
async function locationRows(db: Queryable, id?: string) {
  return db
    .select({ location: catalogLocations, registeredBy: users.name })
    .from(catalogLocations)
    .leftJoin(users, eq(users.id, catalogLocations.createdById))
    .where(id ? eq(catalogLocations.id, id) : undefined)
    .orderBy(asc(catalogLocations.createdAt), asc(catalogLocations.id));
}

async function locations(db: Queryable, id?: string) {
  return (await locationRows(db, id)).map((r) => locationJson(r.location, r.registeredBy));
}

/** Everyone who may read the catalog may see where it syncs from and how the last refresh went. */
export const listLocationsRead = defineQuery({
  name: "catalog.locations",
  permission: "catalog.read",
  input: z.object({}),
  run: async ({ db }) => ({ items: await locations(db) }),
});

/**
 * The locations page: the list, and what this person may do with each (the commands check
 * again; this only hides buttons that would be refused).
 */
export const locationsPageRead = defineQuery({
  name: "catalog.locations_page",
  permission: "catalog.read",
  input: z.object({}),
  async run({ db, actor }) {
    const mayImport = can(actor, importCatalog.permission);
    const mayRemoveAny = can(actor, "service.update_any");
    const me = actorUserId(actor);
    const rows = await locationRows(db);
    return {
      mayImport,
      items: rows.map((r) => ({
        ...locationJson(r.location, r.registeredBy),
        mayRemove: mayImport && (mayRemoveAny || r.location.createdById === me),
      })),
    };
  },
});

export const locationRead = defineQuery({
  name: "catalog.location",
  permission: "catalog.read",
  input: locationIdInput,
  run: async ({ db }, { id }) => (await locations(db, id))[0] ?? null,
});

/**
 * Where to fetch a location from, with its header: for the refresh (server code only, after
 * the caller was allowed to import), never answered to a page or a route.
 */
export const locationTargetRead = defineQuery({
  name: "catalog.location_target",
  permission: importCatalog.permission,
  input: locationIdInput,
  async run({ db }, { id }) {
    const [row] = await db
      .select({
        url: catalogLocations.url,
        name: catalogLocations.headerName,
        value: catalogLocations.headerValue,
      })
      .from(catalogLocations)
      .where(eq(catalogLocations.id, id));
    if (!row) return null;
    return { url: row.url, header: row.name && row.value ? { name: row.name, value: row.value } : undefined };
  },
});
