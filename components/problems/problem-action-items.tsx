import { Badge } from "@/components/ui/badge";
import type { ActionItemRow } from "@/lib/incidents/action-item-queries";
import { cn } from "@/lib/utils";
import { ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from "./action-item-labels";
import { ActionItemStatus } from "./action-item-status";

/** The problem's action items, open work first and overdue ones marked, each one status change away. */
export function ProblemActionItems({ items, mayManage }: { items: ActionItemRow[]; mayManage: boolean }) {
  if (!items.length)
    return (
      <p className="px-4 py-3 text-sm text-muted-foreground">
        No action items yet: add the work that removes the cause, or makes the next incident smaller.
      </p>
    );
  return (
    <ul className="divide-y" data-testid="problem-action-items">
      {items.map((a) => (
        <li
          key={a.id}
          className={cn(
            "grid gap-2 border-l-2 border-l-transparent px-4 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start",
            a.overdue && "border-l-breaching bg-breaching/5",
          )}
          data-testid="action-item"
        >
          <div className="grid min-w-0 gap-1">
            <p
              className={cn(
                "font-medium",
                (a.status === "done" || a.status === "wont_do") && "line-through opacity-70",
              )}
            >
              {a.title}
            </p>
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
              <Badge tone={a.priority === "p1" ? "danger" : "neutral"}>
                {ACTION_PRIORITY_LABELS[a.priority]}
              </Badge>
              <span>{ACTION_TYPE_LABELS[a.type]}</span>
              <span>· {a.owner?.name ?? "Nobody"}</span>
              {a.dueOn ? (
                <span className={cn(a.overdue && "font-medium text-breaching-fg")}>
                  · {a.overdue ? "Overdue since" : "Due"} {a.dueOn}
                </span>
              ) : null}
              {a.ticketUrl ? (
                <a
                  href={a.ticketUrl}
                  className="text-primary underline"
                  rel="noreferrer noopener"
                  target="_blank"
                >
                  Ticket
                </a>
              ) : null}
            </p>
            {a.status === "wont_do" && a.wontDoReason ? (
              <p className="text-xs">Won't do: {a.wontDoReason}</p>
            ) : null}
          </div>
          {mayManage ? (
            <ActionItemStatus
              id={a.id}
              version={a.version}
              status={a.status}
              title={a.title}
              reason={a.wontDoReason}
            />
          ) : (
            <Badge tone={a.status === "done" ? "healthy" : "neutral"}>{ACTION_STATUS_LABELS[a.status]}</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
