import { ActionButton } from "@/components/ui/action-button";
import Link from "@/components/ui/link";
import { removeDependencyAction } from "@/lib/catalog/actions";
import type { ServiceDetail } from "@/lib/catalog/service-queries";
import { TierBadge } from "./tier-badge";

/** The same neighbourhood as the graph, as a list: readable by everyone, and where edges are removed. */
export function DependencyList({
  title,
  items,
  service,
  removable,
}: {
  title: string;
  items: ServiceDetail["upstream"];
  service: string;
  removable: boolean;
}) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
        {title} ({items.length})
      </h3>
      {items.length ? (
        <ul className="divide-y rounded-md border text-sm">
          {items.map((d) => (
            <li
              key={d.slug}
              className="flex items-center justify-between gap-2 px-3 py-1.5"
              data-testid={`dep-${d.slug}`}
            >
              <span className="min-w-0 truncate">
                <Link href={`/services/${d.slug}`} className="hover:underline">
                  {d.name}
                </Link>
                <span className="ml-1 text-xs text-muted-foreground">{d.teamName ?? "unowned"}</span>
              </span>
              <span className="flex items-center gap-2">
                <TierBadge tier={d.tier} />
                {removable ? (
                  <ActionButton
                    action={removeDependencyAction}
                    fields={{ slug: service, dependsOn: d.slug }}
                    label="Remove"
                    variant="ghost"
                    testId={`remove-dep-${d.slug}`}
                  />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-md border px-3 py-3 text-sm text-muted-foreground">None.</p>
      )}
    </div>
  );
}
