import Link from "next/link";
import type { Facet } from "@/lib/catalog/queries";
import { cn } from "@/lib/utils";

/** One facet: each value links to the same URL with that value toggled, counts beside. */
export function FacetList({
  title,
  param,
  facets,
  selected,
  href,
  format = (f) => f.label,
}: {
  title: string;
  param: string;
  facets: Facet[];
  selected?: string;
  href: (param: string, value: string | undefined) => string;
  format?: (f: Facet) => string;
}) {
  if (!facets.length) return null;
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h3>
      <ul className="grid gap-0.5">
        {facets.map((f) => {
          const active = selected === f.value;
          return (
            <li key={f.value}>
              <Link
                href={href(param, active ? undefined : f.value)}
                aria-current={active ? "true" : undefined}
                className={cn(
                  "flex items-center justify-between gap-2 rounded px-2 py-1 text-sm hover:bg-accent",
                  active && "bg-accent font-medium text-accent-foreground",
                )}
                data-testid={`facet-${param}-${f.value}`}
              >
                <span className="truncate">{format(f)}</span>
                <span className="tabular-nums text-xs text-muted-foreground">{f.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
