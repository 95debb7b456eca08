import { SeverityBadge, StatusBadge } from "@/components/incidents/incident-badges";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import type { MyIncident } from "@/lib/incidents/my-incidents-queries";
import { ROLE_LABELS, reference } from "@/lib/incidents/present";

/** "My incidents": the active incidents the person commands or holds a seat on, loudest first. */
export function MyIncidents({ items }: { items: MyIncident[] }) {
  return (
    <Card data-testid="my-incidents">
      <CardHeader>
        <CardTitle>My incidents</CardTitle>
        <Link href="/incidents?status=active" className="text-sm text-primary hover:underline">
          All active incidents
        </Link>
      </CardHeader>
      {items.length ? (
        <ul className="divide-y">
          {items.map((i) => (
            <li key={i.id} className="inc-line">
              <Link href={`/incidents/${i.id}`} className="basis-full sm:basis-64">
                <span className="inc-ref">{reference(i.number)}</span>
                {i.title}
              </Link>
              <SeverityBadge severity={i.severity} />
              <StatusBadge status={i.status} />
              <small className="text-xs text-muted-foreground">
                {i.roles.map((r) => ROLE_LABELS[r]).join(", ")}
              </small>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState icon="i-circle-check" title="You are on no active incident">
          When you take command of an incident or join it, it shows here until it is resolved.
        </EmptyState>
      )}
    </Card>
  );
}
