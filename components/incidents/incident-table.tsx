import Link from "@/components/ui/link";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { dateTime } from "@/lib/format";
import { duration, reference } from "@/lib/incidents/present";
import type { IncidentRow } from "@/lib/incidents/queries";
import { SeverityBadge, StatusBadge } from "./incident-badges";

const POSTMORTEM_LABEL: Record<string, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
};

/** Incidents newest first: reference and title, severity, status, services, when and how long. */
export function IncidentTable({ items, now }: { items: IncidentRow[]; now: number }) {
  return (
    <Table>
      <THead>
        <tr>
          <TH>Incident</TH>
          <TH>Severity</TH>
          <TH>Status</TH>
          <TH>Services</TH>
          <TH>Declared</TH>
          <TH className="text-right">Duration</TH>
          <TH>Postmortem</TH>
        </tr>
      </THead>
      <tbody>
        {items.map((i) => {
          const start = Date.parse(i.impactStartedAt ?? i.declaredAt);
          const end = i.resolvedAt ? Date.parse(i.resolvedAt) : now;
          return (
            <TR key={i.id} data-testid={`incident-row-${i.number}`}>
              <TD className="min-w-60 max-w-96">
                <Link href={`/incidents/${i.id}`} className="font-medium hover:underline">
                  <span className="mr-1.5 font-mono text-xs text-muted-foreground">
                    {reference(i.number)}
                  </span>
                  {i.title}
                </Link>
                {i.commander ? (
                  <span className="block text-xs text-muted-foreground">IC {i.commander}</span>
                ) : null}
              </TD>
              <TD>
                <SeverityBadge severity={i.severity} />
              </TD>
              <TD>
                <StatusBadge status={i.status} />
              </TD>
              <TD className="max-w-56 text-xs">
                {i.services.map((s, n) => (
                  <span key={s}>
                    {n ? ", " : ""}
                    <Link href={`/services/${s}`} className="hover:underline">
                      {s}
                    </Link>
                  </span>
                ))}
              </TD>
              <TD className="whitespace-nowrap text-xs text-muted-foreground">{dateTime(i.declaredAt)}</TD>
              <TD className="whitespace-nowrap text-right text-xs tabular-nums">
                {duration((end - start) / 1000)}
                {i.resolvedAt ? "" : " so far"}
              </TD>
              <TD className="text-xs">
                {i.postmortem ? (
                  POSTMORTEM_LABEL[i.postmortem]
                ) : (
                  <span className="text-muted-foreground">None</span>
                )}
              </TD>
            </TR>
          );
        })}
      </tbody>
    </Table>
  );
}
