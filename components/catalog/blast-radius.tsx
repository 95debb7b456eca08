"use client";

import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import type { ServiceDetail } from "@/lib/catalog/service-queries";
import { type Columnar, fromColumnar } from "@/lib/columnar";
import { plural } from "@/lib/plural";
import { TierBadge } from "./tier-badge";

/** Who is hit when this service fails. A client component: its props are lighter than its markup in the RSC payload. */
export function BlastRadius({
  radius: sent,
}: {
  radius: Omit<ServiceDetail["radius"], "services"> & {
    services: Columnar<ServiceDetail["radius"]["services"][number]>;
  };
}) {
  const radius = { ...sent, services: fromColumnar(sent.services) };
  return (
    <Card data-testid="blast-radius">
      <CardHeader>
        <CardTitle>Blast radius</CardTitle>
        <span className="text-xs text-muted-foreground">
          {plural(radius.total, { one: "service depends", other: "services depend" })} on this, directly or
          not
        </span>
      </CardHeader>
      <div className="grid grid-cols-4 gap-2 border-b p-4 text-center">
        {Object.entries(radius.byTier).map(([tier, n]) => (
          <div key={tier} className="rounded-md border p-2">
            <span className="block text-xl font-semibold tabular-nums">{n}</span>
            <span className="text-xs text-muted-foreground">{tier.replace("tier", "Tier ")}</span>
          </div>
        ))}
      </div>
      {radius.services.length ? (
        <ul className="divide-y text-sm" aria-label="Affected services, most critical first">
          {radius.services.map((s) => (
            <li key={s.slug} className="radius-row">
              <Link href={`/services/${s.slug}`}>{s.name}</Link>
              <TierBadge tier={s.tier} />
            </li>
          ))}
          {radius.total > radius.services.length ? (
            <li className="px-4 py-2 text-xs text-muted-foreground">
              …and {radius.total - radius.services.length} more.
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="px-4 py-6 text-sm text-muted-foreground">Nothing depends on this service.</p>
      )}
    </Card>
  );
}
