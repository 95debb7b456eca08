import Link from "@/components/ui/link";
import type { PostmortemStatus } from "@/db/schema/incidents";
import type { IncidentDetail } from "@/lib/incidents/detail";
import { reference } from "@/lib/incidents/present";
import { SeverityBadge, StatusBadge } from "./incident-badges";
import { DueDate, PostmortemStatusBadge } from "./postmortem-badges";

type Props = {
  incident: Pick<IncidentDetail, "id" | "number" | "title" | "severity" | "status">;
  postmortem: { status: PostmortemStatus; dueOn: string | null; overdue: boolean } | null;
};

/** Where the postmortem sits (incident, severity, its status and due day), above every state of the page. */
export function PostmortemHeader({ incident: i, postmortem: pm }: Props) {
  return (
    <header className="mb-5 grid gap-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Link href="/incidents" className="text-muted-foreground hover:underline">
          Incidents
        </Link>
        <span className="text-muted-foreground">/</span>
        <Link href={`/incidents/${i.id}`} className="font-mono hover:underline">
          {reference(i.number)}
        </Link>
        <span className="text-muted-foreground">/</span>
        <span>Postmortem</span>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight" data-testid="postmortem-title">
        Postmortem: {i.title}
      </h1>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {pm ? <PostmortemStatusBadge status={pm.status} /> : null}
        <SeverityBadge severity={i.severity} />
        <StatusBadge status={i.status} />
        {pm && pm.status !== "published" ? (
          <span className="flex items-center gap-1.5 text-xs" data-testid="postmortem-due">
            <span className="text-muted-foreground">Due</span>
            <DueDate dueOn={pm.dueOn} overdue={pm.overdue} />
          </span>
        ) : null}
      </div>
    </header>
  );
}
