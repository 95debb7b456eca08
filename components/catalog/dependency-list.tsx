"use client";

import { ActionButton } from "@/components/ui/action-button";
import Link from "@/components/ui/link";
import { removeDependencyAction } from "@/lib/catalog/actions";
import type { ServiceDetail } from "@/lib/catalog/service-queries";
import { type Columnar, fromColumnar } from "@/lib/columnar";
import { TierBadge } from "./tier-badge";

/**
 * The same neighbourhood as the graph, as a list: readable by everyone, and where edges are
 * removed. A client component fed columnar items, lighter in the RSC payload than its markup.
 */
export function DependencyList({
  title,
  items,
  service,
  removable,
}: {
  title: string;
  items: Columnar<ServiceDetail["upstream"][number]>;
  service: string;
  removable: boolean;
}) {
  const list = fromColumnar(items);
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
        {title} ({list.length})
      </h3>
      {list.length ? (
        <ul className="divide-y rounded-md border text-sm">
          {list.map((d) => (
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
