import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { dateTime } from "@/lib/format";
import { reference } from "@/lib/incidents/present";
import type { IncidentRow } from "@/lib/incidents/queries";
import { SeverityBadge, StatusBadge } from "./incident-badges";

type Props = { slug: string; recent: IncidentRow[]; total: number; active: number; mayDeclare: boolean };

/** The service's latest incidents, beside its SLOs: what broke here, and whether it is broken now. */
export function ServiceIncidents({ slug, recent, total, active, mayDeclare }: Props) {
  return (
    <Card id="incidents">
      <CardHeader>
        <div>
          <CardTitle>Incidents</CardTitle>
          <p className="text-xs text-muted-foreground">
            {total ? `${total} in all${active ? `, ${active} active now` : ""}` : "None recorded."}
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
            <li key={i.id} className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm">
              <SeverityBadge severity={i.severity} />
              <Link href={`/incidents/${i.id}`} className="min-w-0 flex-1 hover:underline">
                <span className="mr-1 font-mono text-xs text-muted-foreground">{reference(i.number)}</span>
                {i.title}
              </Link>
              <StatusBadge status={i.status} />
              <span className="text-xs text-muted-foreground">{dateTime(i.declaredAt).slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
