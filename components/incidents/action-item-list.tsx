import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import type { ActionItemRow } from "@/lib/incidents/action-item-queries";
import { ACTION_PRIORITY_LABELS, ACTION_TYPE_LABELS } from "@/lib/incidents/postmortem-present";
import { reference } from "@/lib/incidents/present";
import { ActionItemStatusControl } from "./action-item-status-control";
import { ActionStatusBadge, DueDate } from "./postmortem-badges";

/**
 * Action items, one a row: what, who, by when (late ones in red), what kind, how urgent,
 * its ticket, and — for those who may — the next status one click away. Named classes
 * (`.ai-*`, globals.css) because a page of fifty rows repeats them in markup and payload.
 */
export function ActionItemList({
  items,
  mayManage,
  showParent = false,
}: {
  items: ActionItemRow[];
  mayManage: boolean;
  showParent?: boolean;
}) {
  return (
    <ul className="divide-y" data-testid="action-items">
      {items.map((a) => {
        const open = a.status === "open" || a.status === "in_progress";
        return (
          <li key={a.id} className="ai-row" data-testid="action-item" data-status={a.status}>
            <div className="ai-main">
              <p className="ai-title">
                <ActionStatusBadge status={a.status} />
                <span className={open ? undefined : "text-muted-foreground"}>{a.title}</span>
              </p>
              <p className="ai-meta">
                <span>{a.owner?.name ?? "No owner"}</span>
                <DueDate dueOn={a.dueOn} overdue={a.overdue} open={open} />
                <span>{ACTION_TYPE_LABELS[a.type]}</span>
                <span className={a.priority === "p1" ? "font-semibold text-foreground" : undefined}>
                  {ACTION_PRIORITY_LABELS[a.priority]}
                </span>
                {a.service ? <Link href={`/services/${a.service.slug}`}>{a.service.name}</Link> : null}
                {a.ticketUrl ? (
                  <a href={a.ticketUrl} rel="noreferrer noopener" target="_blank" className="ai-ticket">
                    Ticket <Icon name="i-external-link" className="size-3" />
                  </a>
                ) : null}
                {showParent ? (
                  a.parent.kind === "postmortem" ? (
                    <Link href={`/incidents/${a.parent.incidentId}/postmortem`}>
                      {reference(a.parent.incidentNumber)} postmortem
                    </Link>
                  ) : (
                    <Link href={`/problems/${a.parent.id}`}>PRB-{a.parent.number}</Link>
                  )
                ) : null}
              </p>
              {a.status === "wont_do" && a.wontDoReason ? (
                <p className="ai-reason">Won't do: {a.wontDoReason}</p>
              ) : null}
            </div>
            {mayManage ? (
              <ActionItemStatusControl id={a.id} version={a.version} status={a.status} title={a.title} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
