import type { Queryable } from "@/db/client";
import { services } from "@/db/schema";
import { catalogSearch } from "./queries";

/** How many services the "add a dependency" field offers for what has been typed. */
export const SUGGESTION_LIMIT = 8;

/**
 * Services offered while typing a dependency, found as the catalog's own search finds them
 * (full text, then similar names for a typo), leaving out the service itself. Asked per
 * pause in typing rather than sent with the page: a list of every slug would make the
 * service page of a 10,000-service catalog heavy, and its first few hundred slugs are no help.
 */
export async function serviceSuggestions(db: Queryable, q: string, except?: string) {
  const found = await catalogSearch(
    db,
    { slug: services.slug, name: services.name },
    { q, sort: "name" },
    { offset: 0, pageSize: SUGGESTION_LIMIT + 1 },
  );
  return found.items.filter((s) => s.slug !== except).slice(0, SUGGESTION_LIMIT);
}
