import { eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services } from "@/db/schema/catalog";
import { slos } from "@/db/schema/slo";
import { refreshScorecards } from "@/lib/catalog/scorecard-store";
import { statusOf } from "./status";

export type SloFacts = { sloCount: number; slosMet: boolean };

/** A service without SLOs: it has none, so it cannot be said to meet them. */
export const NO_SLOS: SloFacts = { sloCount: 0, slosMet: false };

/**
 * What the scorecard's SLO rules read, per service: how many SLOs it has, and whether it
 * meets all of them — every SLO has data in its window and none has spent its budget.
 * `serviceIds` omitted: every live service's.
 */
export async function sloFacts(
  db: Queryable,
  serviceIds?: readonly string[],
): Promise<Map<string, SloFacts>> {
  const query = db
    .select()
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .where(serviceIds ? inArray(slos.serviceId, [...serviceIds]) : isNull(services.archivedAt));
  const rows = serviceIds && !serviceIds.length ? [] : (await query).map((r) => r.slos);
  const statuses = await statusOf(db, rows);
  const out = new Map<string, SloFacts>();
  for (const row of rows) {
    const facts = out.get(row.serviceId) ?? { sloCount: 0, slosMet: true };
    const status = statuses.get(row.id);
    facts.sloCount += 1;
    if (!status || status.budgetRemaining === null || status.budgetRemaining <= 0) facts.slosMet = false;
    out.set(row.serviceId, facts);
  }
  return out;
}

/** Re-scores services after a write to their SLOs or measurements, in that write's transaction. */
export async function refreshServiceScorecards(db: Queryable, serviceIds: string[]) {
  await refreshScorecards(db, serviceIds);
}
