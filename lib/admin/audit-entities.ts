import { eq, inArray, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { apiTokens, services, teams, users } from "@/db/schema";
import type { AuditEntity, EntityName } from "./audit-entity-labels";

type Lookup = (db: Queryable, ids: string[]) => Promise<Map<string, EntityName>>;

// Entity ids are text in the log; a uuid column compared with a non-uuid text is an error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: string[]) => ids.filter((id) => UUID.test(id));

const userNames: Lookup = async (db, ids) => {
  const rows = uuids(ids).length
    ? await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, uuids(ids)))
    : [];
  return new Map(
    rows.map((u) => [
      u.id,
      { label: u.name, detail: u.email, href: `/admin/users?q=${encodeURIComponent(u.email)}` },
    ]),
  );
};

/** Name lookups per entity type, each one query for all of a page's ids of that type. */
const LOOKUPS: Record<string, Lookup> = {
  // Service writes are logged under the slug; older rows may carry the id.
  service: async (db, ids) => {
    const byId = uuids(ids);
    const rows = await db
      .select({ id: services.id, slug: services.slug, name: services.name })
      .from(services)
      .where(or(inArray(services.slug, ids), byId.length ? inArray(services.id, byId) : undefined));
    const names = new Map<string, EntityName>();
    for (const s of rows) {
      const name = { label: s.name, detail: s.slug, href: `/services/${s.slug}` };
      names.set(s.slug, name);
      names.set(s.id, name);
    }
    return names;
  },
  team: async (db, ids) => {
    const rows = uuids(ids).length
      ? await db
          .select({ id: teams.id, slug: teams.slug, name: teams.name })
          .from(teams)
          .where(inArray(teams.id, uuids(ids)))
      : [];
    return new Map(rows.map((t) => [t.id, { label: t.name, href: `/teams/${t.slug}` }]));
  },
  user: userNames,
  // A preference row is keyed by its user.
  user_preference: userNames,
  api_token: async (db, ids) => {
    const rows = uuids(ids).length
      ? await db
          .select({ id: apiTokens.id, name: apiTokens.name, owner: users.email })
          .from(apiTokens)
          .innerJoin(users, eq(users.id, apiTokens.userId))
          .where(inArray(apiTokens.id, uuids(ids)))
      : [];
    return new Map(rows.map((t) => [t.id, { label: t.name, detail: t.owner }]));
  },
};

/**
 * Names the entities of a page of audit rows: one query per entity type present, never one
 * per row. The id stays on each entity so the page can still show and filter by it.
 */
export async function nameAuditEntities<R extends { entityType: string; entityId: string }>(
  db: Queryable,
  rows: R[],
): Promise<(R & { entity: AuditEntity })[]> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows)
    if (Object.hasOwn(LOOKUPS, r.entityType))
      idsByType.set(r.entityType, (idsByType.get(r.entityType) ?? new Set()).add(r.entityId));
  const found = new Map(
    await Promise.all(
      [...idsByType].map(async ([type, ids]) => [type, await LOOKUPS[type](db, [...ids])] as const),
    ),
  );
  return rows.map((r) => {
    const names = found.get(r.entityType);
    const name = names?.get(r.entityId) ?? null;
    return { ...r, entity: { type: r.entityType, id: r.entityId, name, deleted: Boolean(names) && !name } };
  });
}
