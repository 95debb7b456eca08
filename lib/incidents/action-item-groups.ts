import type { ActionStatus } from "@/db/schema/incidents";
import { today } from "./business-days";

export type DueGroup = "overdue" | "week" | "later" | "undated" | "finished";

export const DUE_GROUP_LABELS: Record<DueGroup, string> = {
  overdue: "Overdue",
  week: "Due in the next 7 days",
  later: "Due later",
  undated: "No due date",
  finished: "Done or won't do",
};

const ORDER: DueGroup[] = ["overdue", "week", "later", "undated", "finished"];
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Which group an item falls in by its due day (UTC, as "overdue" is counted everywhere). */
export function dueGroup(item: { status: ActionStatus; dueOn: string | null }, now = new Date()): DueGroup {
  if (item.status === "done" || item.status === "wont_do") return "finished";
  if (!item.dueOn) return "undated";
  const day = today(now);
  if (item.dueOn < day) return "overdue";
  return item.dueOn <= addDays(day, 7) ? "week" : "later";
}

/**
 * Items grouped by how soon they are due, in the order work should be picked up; each
 * group keeps the order it was given (the list's, soonest first) and empty groups are left out.
 */
export function groupByDue<T extends { status: ActionStatus; dueOn: string | null }>(
  items: T[],
  now = new Date(),
) {
  const groups = new Map<DueGroup, T[]>();
  for (const item of items) {
    const g = dueGroup(item, now);
    groups.set(g, [...(groups.get(g) ?? []), item]);
  }
  return ORDER.filter((g) => groups.has(g)).map((g) => ({
    group: g,
    label: DUE_GROUP_LABELS[g],
    items: groups.get(g) as T[],
  }));
}
