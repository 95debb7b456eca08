import type { Sql } from "postgres";

/**
 * The postgres.js client as drizzle should see it: every statement with parameters goes as a
 * named prepared statement, kept per connection.
 *
 * drizzle asks postgres.js to prepare only the queries given a name (`.prepare("…")`); every
 * other one goes unnamed, and postgres.js then spends two round trips on it (Parse/Describe to
 * learn the parameter types, then Bind/Execute) and the server parses and plans it afresh.
 * Prepared, a statement seen before costs one round trip and reuses its parse (and, once the
 * server judges it safe, its plan): a page of 20 services went from 3 to 2 round trips.
 * postgres.js re-prepares by itself when a schema change invalidates a statement, and a
 * connection's statements go with it (idle for a minute, or at its lifetime's end).
 */
/**
 * Statements with more parameters than this (the long IN lists of imports and exports) stay
 * unnamed: each list length is a statement text of its own, and a connection that never
 * idles would keep every one of them, with its plan, until its lifetime ends.
 */
export const MAX_PREPARED_PARAMETERS = 64;

export function preparingEveryStatement<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe")
        return (query: string, args?: unknown[], options: Record<string, unknown> = {}) =>
          target.unsafe(query, args as never, {
            ...options,
            prepare: (args?.length ?? 0) <= MAX_PREPARED_PARAMETERS,
          });
      if (property === "begin" || property === "savepoint")
        return (...args: unknown[]) => {
          const body = args.pop() as (inner: Sql) => unknown;
          const method = target[property as "begin"] as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (inner: Sql) => body(preparingEveryStatement(inner)));
        };
      return Reflect.get(target, property, receiver);
    },
  });
}
