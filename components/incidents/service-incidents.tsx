"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { serviceIncidentsAction } from "@/lib/incidents/actions";
import { reference, STATUS_LABELS } from "@/lib/incidents/present";
import type { IncidentRow } from "@/lib/incidents/queries";

/** Only what the card shows: the service page has a weight budget, and each row is sent once, as data. */
export type ServiceIncident = Pick<
  IncidentRow,
  "id" | "number" | "title" | "severity" | "status" | "declaredAt"
>;
type Props = { slug: string };

/**
 * The service's latest incidents, beside its SLOs: what broke here, and whether it is broken
 * now. Asked for once the page is shown: the service page's document has a weight budget,
 * and this card is below its fold.
 */
export function ServiceIncidents({ slug }: Props) {
  const query = useQuery({
    queryKey: ["service-incidents", slug],
    queryFn: () => serviceIncidentsAction(slug),
    staleTime: 30_000,
  });
  // A role that cannot read incidents gets no card at all.
  if (query.data === null) return null;
  const { recent = [], total = 0, active = 0, mayDeclare = false } = query.data ?? {};
  const loading = query.isPending;
  return (
    <Card id="incidents">
      <CardHeader>
        <div>
          <CardTitle>Incidents</CardTitle>
          <p className="text-xs text-muted-foreground">
            {loading
              ? "Loading…"
              : total
                ? `${total} in all${active ? `, ${active} active now` : ""}`
                : "None recorded."}
          </p>
        </div>
        <div className="flex gap-2">
          {total > recent.length ? (
            <Link href={`/incidents?service=${slug}`} className="btn btn-sm btn-ghost">
              All {total}
            </Link>
          ) : null}
          {mayDeclare ? (
            <Link href={`/incidents/new?service=${slug}`} className="btn btn-sm btn-outline">
              <Icon name="i-siren" /> Declare
            </Link>
          ) : null}
        </div>
      </CardHeader>
      {recent.length ? (
        <ul className="divide-y" data-testid="service-incidents">
          {recent.map((i) => (
            <li key={i.id} className="inc-line">
              <span className={`badge sev sev-${i.severity}`}>{i.severity.toUpperCase()}</span>
              <Link href={`/incidents/${i.id}`}>
                <span className="inc-ref">{reference(i.number)}</span>
                {i.title}
              </Link>
              <span className={`badge status-${i.status}`}>{STATUS_LABELS[i.status]}</span>
              <time>{i.declaredAt.slice(0, 10)}</time>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
