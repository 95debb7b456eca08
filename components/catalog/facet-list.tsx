"use client";

import Link from "@/components/ui/link";
import type { FacetSection } from "@/lib/catalog/facet-section";
import { withParam } from "@/lib/catalog/query-href";
import { fromColumnar } from "@/lib/columnar";

/**
 * The catalog's facets: each value links to the same URL with that value toggled (and
 * paging reset), counts beside. A client component that builds its links from the current
 * filter (`query`), so a page sends each facet value as data instead of a link's markup twice.
 */
export function FacetList({
  sections,
  query,
}: {
  /** What each facet shows (lib/catalog/facet-section.ts). */
  sections: FacetSection[];
  /** The catalog's current query string, as lib/catalog/href.ts builds it (no page). */
  query: string;
}) {
  const current = new URLSearchParams(query);
  return sections.map(({ title, param, values, more }) => {
    const shown = fromColumnar(values);
    if (!shown.length) return null;
    const selected = current.get(param);
    return (
      <div key={param}>
        <h3 className="facet-title">{title}</h3>
        <ul className="grid gap-0.5">
          {shown.map((f) => {
            const active = selected === f.value;
            return (
              <li key={f.value}>
                <Link
                  href={withParam(query, param, active ? undefined : f.value)}
                  aria-current={active ? "true" : undefined}
                  className="facet"
                  data-testid={`facet-${param}-${f.value}`}
                >
                  <span>{f.label ?? f.value}</span>
                  <span>{f.count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
        {more ? <p className="px-2 pt-1 text-xs text-muted-foreground">+{more} more — use search</p> : null}
      </div>
    );
  });
}
