import Link from "@/components/ui/link";
import type { Facet } from "@/lib/catalog/queries";

/** One facet: each value links to the same URL with that value toggled, counts beside. */
export function FacetList({
  title,
  param,
  facets,
  selected,
  href,
  format = (f) => f.label,
  limit = 15,
}: {
  title: string;
  param: string;
  facets: Facet[];
  selected?: string;
  href: (param: string, value: string | undefined) => string;
  format?: (f: Facet) => string;
  /** Long facets (hundreds of teams) show their largest values; search or the selection reach the rest. */
  limit?: number;
}) {
  // A selected value stays listed (with 0) when nothing matches any more, so it can be unselected.
  const all =
    selected && !facets.some((f) => f.value === selected)
      ? [...facets, { value: selected, label: selected, count: 0 }]
      : facets;
  if (!all.length) return null;
  const shown = all.slice(0, limit);
  const chosen = all.find((f) => f.value === selected);
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  return (
    <div>
      <h3 className="facet-title">{title}</h3>
      <ul className="grid gap-0.5">
        {shown.map((f) => {
          const active = selected === f.value;
          return (
            <li key={f.value}>
              <Link
                href={href(param, active ? undefined : f.value)}
                aria-current={active ? "true" : undefined}
                className="facet"
                data-testid={`facet-${param}-${f.value}`}
              >
                <span>{format(f)}</span>
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
}
