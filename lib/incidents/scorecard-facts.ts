import { and, count, inArray, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { actionItems } from "@/db/schema/incidents";
import { refreshScorecards } from "@/lib/catalog/scorecard-store";
import { today } from "./business-days";

export type IncidentFacts = { overdueActionItems: number };

/**
 * What the scorecard's "no overdue action items" rule reads, per service: its open or
 * in-progress action items due before today (UTC). Services with none are absent from the
 * map, which means zero. `serviceIds` omitted: every service's.
 */
export async function incidentFacts(
  db: Queryable,
  serviceIds?: readonly string[],
  now = new Date(),
): Promise<Map<string, IncidentFacts>> {
  if (serviceIds && !serviceIds.length) return new Map();
  const rows = await db
    .select({ serviceId: actionItems.serviceId, n: count() })
    .from(actionItems)
    .where(
      and(
        inArray(actionItems.status, ["open", "in_progress"]),
        lt(actionItems.dueOn, today(now)),
        serviceIds ? inArray(actionItems.serviceId, [...serviceIds]) : undefined,
      ),
    )
    .groupBy(actionItems.serviceId);
  return new Map(
    rows.flatMap((r) => (r.serviceId ? [[r.serviceId, { overdueActionItems: r.n }] as const] : [])),
  );
}

/**
 * Re-scores services after a write to their action items, in that write's transaction. Due
 * dates also pass with no write at all: the hourly scorecard job (catalog.refresh-scorecards)
 * re-scores every service for that.
 */
export async function refreshActionItemScorecards(db: Queryable, serviceIds: (string | null)[]) {
  const ids = [...new Set(serviceIds.filter((id): id is string => id !== null))];
  if (ids.length) await refreshScorecards(db, ids);
}
