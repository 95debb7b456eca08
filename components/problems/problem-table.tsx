import Link from "@/components/ui/link";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { ProblemRow } from "@/lib/incidents/problem-queries";
import { plural } from "@/lib/plural";
import { KnownErrorFlag, ProblemStateBadge, problemReference, standsAsKnownError } from "./problem-badges";

/** Problems most recently changed first: reference and title, state, what it explains, who drives it. */
export function ProblemTable({ items }: { items: ProblemRow[] }) {
  return (
    <Table>
      <THead>
        <tr>
          <TH>Problem</TH>
          <TH>State</TH>
          <TH>Known error</TH>
          <TH className="text-right">Incidents</TH>
          <TH>Service</TH>
          <TH>Owner</TH>
          <TH className="text-right">Open actions</TH>
          <TH>Updated</TH>
        </tr>
      </THead>
      <tbody>
        {items.map((p) => (
          <TR key={p.id} data-testid={`problem-row-${p.number}`}>
            <TD className="min-w-56 max-w-96">
              <Link href={`/problems/${p.id}`} className="font-medium hover:underline">
                <span className="inc-ref">{problemReference(p.number)}</span>
                {p.title}
              </Link>
            </TD>
            <TD>
              <ProblemStateBadge state={p.state} />
            </TD>
            <TD className="whitespace-nowrap text-xs">
              {p.knownErrorAt && standsAsKnownError(p.state) ? (
                <KnownErrorFlag since={p.knownErrorAt} />
              ) : (
                <span className="text-muted-foreground">–</span>
              )}
            </TD>
            <TD
              className="text-right tabular-nums"
              title={plural(p.incidents, { one: "incident", other: "incidents" })}
            >
              {p.incidents}
            </TD>
            <TD className="text-xs">
              {p.service ? (
                <Link href={`/services/${p.service.slug}`} className="hover:underline">
                  {p.service.name}
                </Link>
              ) : (
                <span className="text-muted-foreground">None</span>
              )}
            </TD>
            <TD className="whitespace-nowrap text-xs">
              {p.owner?.name ?? <span className="text-muted-foreground">Nobody</span>}
            </TD>
            <TD className="text-right text-xs tabular-nums">{p.openActionItems || "–"}</TD>
            <TD className="whitespace-nowrap text-xs text-muted-foreground">{p.updatedAt.slice(0, 10)}</TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
