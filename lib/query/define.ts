import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

export type QueryContext = { db: Db; actor: Actor };

/**
 * A read, declared the way commands are: its permission and input schema are part of it,
 * and `runQuery` checks the first and parses the second before `run` can touch the
 * database. Pages, REST routes and server-action reads all read through one of these.
 */
export type Query<S extends z.ZodType, R> = {
  name: string;
  permission: Permission;
  input: S;
  run: (ctx: QueryContext, input: z.output<S>) => Promise<R>;
};

export function defineQuery<S extends z.ZodType, R>(query: Query<S, R>): Query<S, R> {
  return query;
}

export type QueryInput<Q> = Q extends Query<infer S, unknown> ? z.input<S> : never;
export type QueryOutput<Q> = Q extends Query<z.ZodType, infer R> ? R : never;
