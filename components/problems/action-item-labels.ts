import type { ActionPriority, ActionStatus, ActionType } from "@/db/schema/incidents";

/** How action items read in the UI: the words people use in a review, not the stored codes. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

export const ACTION_TYPE_LABELS: Record<ActionType, string> = {
  mitigate: "Mitigate",
  prevent: "Prevent",
  process: "Process",
};

export const ACTION_PRIORITY_LABELS: Record<ActionPriority, string> = {
  p1: "P1",
  p2: "P2",
  p3: "P3",
};

/** Where an action item's work came from, as a link: its postmortem or its problem. */
export function actionItemSource(
  parent:
    | { kind: "postmortem"; incidentId: string; incidentNumber: number; title: string }
    | { kind: "problem"; id: string; number: number; title: string },
) {
  return parent.kind === "postmortem"
    ? { href: `/incidents/${parent.incidentId}/postmortem`, label: `INC-${parent.incidentNumber} postmortem` }
    : { href: `/problems/${parent.id}`, label: `PRB-${parent.number}` };
}
