import Link from "@/components/ui/link";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { dateTime } from "@/lib/format";
import { dayLabel } from "@/lib/incidents/postmortem-present";
import type { PostmortemRow } from "@/lib/incidents/postmortem-queries";
import { reference } from "@/lib/incidents/present";
import { SeverityBadge } from "./incident-badges";
import { DueDate, PostmortemStatusBadge } from "./postmortem-badges";

/**
 * Postmortems with their incidents: status (or "not started" for a major incident without
 * one), author, due day with lateness, when published. Every row opens the postmortem page.
 */
export function PostmortemTable({ items }: { items: PostmortemRow[] }) {
  return (
    <Table>
      <THead>
        <tr>
          <TH>Incident</TH>
          <TH>Postmortem</TH>
          <TH>Due</TH>
          <TH>Severity</TH>
          <TH>Author</TH>
          <TH>Published</TH>
        </tr>
      </THead>
      <tbody>
        {items.map((p) => (
          <TR key={p.incident.id} data-testid={`postmortem-row-${p.incident.number}`}>
            <TD className="min-w-56 max-w-96">
              <Link href={`/incidents/${p.incident.id}/postmortem`} className="font-medium hover:underline">
                <span className="mr-1.5 font-mono text-xs text-muted-foreground">
                  {reference(p.incident.number)}
                </span>
                {p.incident.title}
              </Link>
              <span className="block truncate text-xs text-muted-foreground">
                {p.incident.services.join(", ")}
              </span>
            </TD>
            <TD>
              <PostmortemStatusBadge status={p.status} />
            </TD>
            <TD className="whitespace-nowrap text-xs">
              {p.status === "published" ? (
                <span className="text-muted-foreground">—</span>
              ) : (
                <DueDate dueOn={p.dueOn} overdue={p.overdue} />
              )}
            </TD>
            <TD>
              <SeverityBadge severity={p.incident.severity} />
            </TD>
            <TD className="whitespace-nowrap text-xs">
              {p.author?.name ?? <span className="text-muted-foreground">—</span>}
            </TD>
            <TD className="whitespace-nowrap text-xs text-muted-foreground">
              {p.publishedAt ? (
                <time dateTime={p.publishedAt} title={dateTime(p.publishedAt)}>
                  {dayLabel(p.publishedAt.slice(0, 10))}
                </time>
              ) : (
                "—"
              )}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
