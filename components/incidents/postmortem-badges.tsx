import { Icon } from "@/components/ui/icon";
import type { ActionStatus, PostmortemStatus } from "@/db/schema/incidents";
import {
  ACTION_STATUS_LABELS,
  dayLabel,
  dueWords,
  POSTMORTEM_STATUS_LABELS,
} from "@/lib/incidents/postmortem-present";

const PM_TONES: Record<PostmortemStatus, string> = {
  draft: "badge",
  in_review: "badge badge-warning",
  published: "badge badge-healthy",
};

/** A postmortem's status; null is a major incident's postmortem nobody has started. */
export function PostmortemStatusBadge({ status }: { status: PostmortemStatus | null }) {
  if (!status) return <span className="badge badge-danger">Not started</span>;
  return (
    <span className={PM_TONES[status]} data-pm-status={status}>
      {POSTMORTEM_STATUS_LABELS[status]}
    </span>
  );
}

const ACTION_TONES: Record<ActionStatus, string> = {
  open: "badge",
  in_progress: "badge badge-primary",
  done: "badge badge-healthy",
  wont_do: "badge border-dashed bg-transparent text-muted-foreground",
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return (
    <span className={ACTION_TONES[status]} data-action-status={status}>
      {ACTION_STATUS_LABELS[status]}
    </span>
  );
}

/**
 * A due day, and how far off it is while the work is still open; past due it turns red
 * with an icon, so it reads as late without colour too.
 */
export function DueDate({
  dueOn,
  overdue,
  open = true,
}: {
  dueOn: string | null;
  overdue: boolean;
  open?: boolean;
}) {
  if (!dueOn) return <span className="text-muted-foreground">No due date</span>;
  if (overdue)
    return (
      <span className="badge badge-danger" data-overdue>
        <Icon name="i-clock-alert" className="size-3" />
        <time dateTime={dueOn}>{dayLabel(dueOn)}</time> · {dueWords(dueOn)}
      </span>
    );
  return (
    <span className="whitespace-nowrap">
      <time dateTime={dueOn}>{dayLabel(dueOn)}</time>
      {open ? <span className="text-muted-foreground"> · {dueWords(dueOn)}</span> : null}
    </span>
  );
}
