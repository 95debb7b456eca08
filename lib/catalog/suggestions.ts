import { asc, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services } from "@/db/schema";

/** Slugs offered while typing a dependency; capped so a 10,000-service catalog stays a light page. */
export async function serviceSlugSuggestions(db: Queryable, limit = 500) {
  return db
    .select({ slug: services.slug, name: services.name })
    .from(services)
    .where(isNull(services.archivedAt))
    .orderBy(asc(services.slug))
    .limit(limit);
}
