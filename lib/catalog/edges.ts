import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services } from "@/db/schema";
import type { Edge } from "./graph";

const target = alias(services, "target");

/** Every dependency edge by slug (archived services included: their edges still explain history). */
export async function allEdges(db: Queryable): Promise<Edge[]> {
  return db
    .select({ from: services.slug, to: target.slug })
    .from(serviceDependencies)
    .innerJoin(services, eq(services.id, serviceDependencies.serviceId))
    .innerJoin(target, eq(target.id, serviceDependencies.dependsOnId));
}

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
