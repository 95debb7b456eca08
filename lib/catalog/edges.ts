import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services } from "@/db/schema";

/** A directed dependency edge by slug: `from` depends on `to`. */
export type Edge = { from: string; to: string };

const target = alias(services, "target");

/** Outgoing edges of the given services only, by slug. */
export async function edgesFrom(db: Queryable, serviceIds: string[]): Promise<Edge[]> {
  if (!serviceIds.length) return [];
  const CHUNK = 5000;
  const out: Edge[] = [];
  for (let i = 0; i < serviceIds.length; i += CHUNK) {
    out.push(
      ...(await db
        .select({ from: services.slug, to: target.slug })
        .from(serviceDependencies)
        .innerJoin(services, eq(services.id, serviceDependencies.serviceId))
        .innerJoin(target, eq(target.id, serviceDependencies.dependsOnId))
        .where(inArray(serviceDependencies.serviceId, serviceIds.slice(i, i + CHUNK)))),
    );
  }
  return out;
}
