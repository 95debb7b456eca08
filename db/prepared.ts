import type { Queryable } from "./client";

/**
 * A prepared query, built once per database handle (or transaction) and reused. For the
 * hottest reads this skips building the SQL and mapping the query shape on every call,
 * which costs more than the round trip itself on a small machine (1.7 → 0.5 ms for one
 * service as JSON).
 */
export function preparedPer<P>(build: (db: Queryable) => P): (db: Queryable) => P {
  const cache = new WeakMap<Queryable, P>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
