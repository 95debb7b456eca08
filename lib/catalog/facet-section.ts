import { type Columnar, toColumnar } from "@/lib/columnar";
import type { Facet } from "./queries";

/** A facet's value; `label` only where it differs from the value (a team's name beside its slug). */
export type FacetValue = { value: string; count: number; label?: string };

/** One facet of the catalog's filter panel, as components/catalog/facet-list.tsx draws it. */
export type FacetSection = { title: string; param: string; values: Columnar<FacetValue>; more: number };

/** Long facets (hundreds of teams) show their largest values; search or the selection reach the rest. */
export const FACET_LIMIT = 15;

/**
 * The values a facet shows: its largest (the query orders them), and the selected one even
 * when it is not among them or matches nothing any more (with 0), so it can be unselected.
 * Only what is shown is sent: a 200-team catalog sends 15 teams, not 200.
 */
export function facetSection(
  section: { title: string; param: string; format?: (f: Facet) => string },
  facets: Facet[],
  selected: string | undefined,
  limit = FACET_LIMIT,
): FacetSection {
  const all =
    selected && !facets.some((f) => f.value === selected)
      ? [...facets, { value: selected, label: selected, count: 0 }]
      : facets;
  const shown = all.slice(0, limit);
  const chosen = all.find((f) => f.value === selected);
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  const format = section.format ?? ((f: Facet) => f.label);
  const values = shown.map((f): FacetValue => {
    const label = format(f);
    return label === f.value ? { value: f.value, count: f.count } : { value: f.value, count: f.count, label };
  });
  return {
    title: section.title,
    param: section.param,
    values: toColumnar(values),
    more: all.length - shown.length,
  };
}
