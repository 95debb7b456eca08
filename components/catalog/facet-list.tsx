"use client";

import Link from "@/components/ui/link";
import { withParam } from "@/lib/catalog/query-href";
import { type Columnar, fromColumnar } from "@/lib/columnar";

/** A facet's value; `label` only where it differs from the value (a team's name beside its slug). */
export type FacetValue = { value: string; count: number; label?: string };
export type FacetSection = { title: string; param: string; facets: Columnar<FacetValue> };

/**
 * The catalog's facets: each value links to the same URL with that value toggled (and
 * paging reset), counts beside. A client component that builds its links from the current
 * filter (`query`), so a page sends each facet value as data instead of a link's markup twice.
 */
export function FacetList({
  sections,
  query,
  limit = 15,
}: {
  sections: FacetSection[];
  /** The catalog's current query string, as lib/catalog/href.ts builds it (no page). */
  query: string;
  /** Long facets (hundreds of teams) show their largest values; search or the selection reach the rest. */
  limit?: number;
}) {
  return sections.map(({ title, param, facets: table }) => {
    const facets = fromColumnar(table);
    const selected = new URLSearchParams(query).get(param) ?? undefined;
    // A selected value stays listed (with 0) when nothing matches any more, so it can be unselected.
    const all =
      selected && !facets.some((f) => f.value === selected)
        ? [...facets, { value: selected, count: 0 }]
        : facets;
    if (!all.length) return null;
    const shown = all.slice(0, limit);
    const chosen = all.find((f) => f.value === selected);
    if (chosen && !shown.includes(chosen)) shown.push(chosen);
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
        {all.length > shown.length ? (
          <p className="px-2 pt-1 text-xs text-muted-foreground">
            +{all.length - shown.length} more — use search
          </p>
        ) : null}
      </div>
    );
  });
}
