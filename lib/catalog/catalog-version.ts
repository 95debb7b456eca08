import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { preparedPer } from "@/db/prepared";
import { catalogState } from "@/db/schema";

const versionQuery = preparedPer((db) =>
  db
    .select({ version: catalogState.graphVersion })
    .from(catalogState)
    .where(eq(catalogState.id, sql.placeholder("id")))
    .prepare("catalog_version"),
);

/**
 * The catalog's version: database triggers move it, in the writer's transaction, on any
 * change to services, dependencies or teams, so no code path can forget to.
 */
export async function catalogVersion(db: Queryable): Promise<number> {
  const [row] = await versionQuery(db).execute({ id: 1 });
  return row?.version ?? -1;
}

/**
 * Results that depend only on the catalog's contents, kept (per database handle) until the
 * version moves. A reader that saw the old version may get the old answer, exactly as if it
 * had read a moment before the write; nobody gets it after seeing the new version. Pending
 * results are shared, so a burst of identical requests computes once; failures are not kept.
 */
export function versionedCache<T>(maxEntries = 256) {
  const perDb = new WeakMap<object, { version: number; entries: Map<string, Promise<T>> }>();
  return async (db: Queryable, key: string, compute: () => Promise<T>): Promise<T> => {
    const version = await catalogVersion(db);
    let state = perDb.get(db);
    // A reader that saw an older version than the cache holds computes without caching.
    if (state && version < state.version) return compute();
    if (!state || version > state.version) {
      state = { version, entries: new Map() };
      perDb.set(db, state);
    }
    const { entries } = state;
    const hit = entries.get(key);
    if (hit) return hit;
    const pending = compute();
    entries.set(key, pending);
    // Oldest first out: Maps iterate in insertion order.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    pending.catch(() => {
      if (entries.get(key) === pending) entries.delete(key);
    });
    return pending;
  };
}
