import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import {
  applyHeldLocation,
  deleteLocation,
  refreshCatalogLocation,
  registerLocation,
} from "@/lib/catalog/locations/location-commands";
import { listLocationsRead, locationRead } from "@/lib/catalog/locations/location-reads";
import { refreshLocation } from "@/lib/catalog/locations/refresh";
import { applyLocationInput, registerLocationInput } from "@/lib/catalog/locations/schemas";
import { runQuery } from "@/lib/query/run";
import { json, type Route, readRoute, withPath, writeRoute } from "../define-route";
import { errorResponse } from "../errors";
import { uuidParam } from "../params";
import { LocationSchema } from "../schemas";

const tag = "Catalog locations";
const id = z.object({ id: uuidParam });
const BODY_BYTES = 16 * 1024;

/** The location as it is after a write, as the list shows it. */
async function current(actor: Actor, locationId: string, status = 200) {
  const read = await runQuery(locationRead, actor, { id: locationId });
  return read.ok ? json(read.data, status) : errorResponse(read);
}

export const catalogLocationRoutes: Route[] = [
  readRoute({
    method: "get",
    path: "/catalog/locations",
    tag,
    summary: "List catalog locations",
    description:
      "Every registered catalog-info.yaml URL with its last refresh: result, time, error and, when held, its dry run.",
    read: listLocationsRead,
    input: () => ({}),
    responses: { 200: { description: "Locations", schema: z.object({ items: z.array(LocationSchema) }) } },
  }),
  writeRoute({
    method: "post",
    path: "/catalog/locations",
    tag,
    summary: "Register a catalog location",
    description:
      "An https URL of a catalog-info.yaml on a public address, optionally with a header (such as `Authorization`) sent with every fetch. The header's value is stored and never answered. Refreshed every 30 minutes and on demand.",
    body: { kind: "object", schema: registerLocationInput, maxBytes: BODY_BYTES },
    write: registerLocation,
    input: ({ body }) => body,
    respond: (location, { actor }) => current(actor, location.id, 201),
    responses: { 201: { description: "Registered", schema: LocationSchema } },
  }),
  writeRoute({
    method: "delete",
    path: "/catalog/locations/{id}",
    tag,
    summary: "Remove a catalog location",
    description: "By who registered it or an admin. What it imported stays in the catalog.",
    params: id,
    write: deleteLocation,
    input: ({ params }) => params,
    responses: {
      200: { description: "Removed", schema: z.object({ id: z.uuid(), deleted: z.literal(true) }) },
    },
  }),
  {
    method: "post",
    path: "/catalog/locations/{id}/refresh",
    tag,
    summary: "Refresh a catalog location now",
    description:
      "Fetches the file and dry-runs it with the caller's import rights: applied when it has no errors and removes nothing, `unchanged` when it changes nothing, `held` for review (see `plan`) when it removes data, `failed` with `lastError` otherwise. 200 with the location in each case.",
    permission: refreshCatalogLocation.permission,
    params: id,
    responses: { 200: { description: "The location after the refresh", schema: LocationSchema } },
    async handle({ actor, params }) {
      const result = await refreshLocation(actor, params.id);
      return result.ok ? current(actor, result.data.id) : errorResponse(result);
    },
  },
  writeRoute({
    method: "post",
    path: "/catalog/locations/{id}/apply",
    tag,
    summary: "Apply a held refresh",
    description:
      "Imports exactly the file the held refresh fetched. Removals need `confirmRemovals: true` (409 without, and nothing is written); `heldHash` (from the location) makes sure a newer held refresh is not applied unseen.",
    params: id,
    body: { kind: "object", schema: applyLocationInput.omit({ id: true }), maxBytes: BODY_BYTES },
    write: applyHeldLocation,
    input: ({ body, params }) => withPath(body, params),
    respond: (applied, { actor }) => current(actor, applied.id),
    responses: { 200: { description: "The location, applied", schema: LocationSchema } },
  }),
];
