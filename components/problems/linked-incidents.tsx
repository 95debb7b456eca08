import { SeverityBadge, StatusBadge } from "@/components/incidents/incident-badges";
import { ActionButton } from "@/components/ui/action-button";
import Link from "@/components/ui/link";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { reference } from "@/lib/incidents/present";
import { unlinkProblemIncidentsAction } from "@/lib/incidents/problem-actions";
import type { ProblemDetail } from "@/lib/incidents/problem-queries";

/** The incidents this problem explains, newest first; an engineer unlinks one that turned out unrelated. */
export function LinkedIncidents({
  problemId,
  incidents,
  mayManage,
}: {
  problemId: string;
  incidents: ProblemDetail["incidents"];
  mayManage: boolean;
}) {
  if (!incidents.length)
    return <p className="px-4 py-3 text-sm text-muted-foreground">No incidents are linked yet.</p>;
  return (
    <Table data-testid="linked-incidents">
      <THead>
        <tr>
          <TH>Incident</TH>
          <TH>Severity</TH>
          <TH>Status</TH>
          <TH>Declared</TH>
          {mayManage ? (
            // Positioned, so the hidden label stays inside the table's scrolling box on a phone.
            <TH className="relative">
              <span className="sr-only">Unlink</span>
            </TH>
          ) : null}
        </tr>
      </THead>
      <tbody>
        {incidents.map((i) => (
          <TR key={i.id} data-testid={`linked-${i.number}`}>
            <TD className="min-w-48">
              <Link href={`/incidents/${i.id}`} className="font-medium hover:underline">
                <span className="inc-ref">{reference(i.number)}</span>
                {i.title}
              </Link>
            </TD>
            <TD>
              <SeverityBadge severity={i.severity} />
            </TD>
            <TD>
              <StatusBadge status={i.status} />
            </TD>
            <TD className="whitespace-nowrap text-xs text-muted-foreground">{i.declaredAt.slice(0, 10)}</TD>
            {mayManage ? (
              <TD className="text-right">
                <ActionButton
                  action={unlinkProblemIncidentsAction}
                  fields={{ id: problemId, incidents: reference(i.number) }}
                  label="Unlink"
                  variant="ghost"
                  testId={`unlink-${i.number}`}
                />
              </TD>
            ) : null}
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
