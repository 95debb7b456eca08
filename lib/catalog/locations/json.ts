import type { CatalogLocation } from "@/db/schema";

/**
 * A location as pages, the API and the audit log show it. Built field by field, so the
 * header's value can never ride along: only whether one is set.
 */
export function locationJson(row: CatalogLocation, registeredBy: string | null) {
  return {
    id: row.id,
    url: row.url,
    headerName: row.headerName,
    headerSet: row.headerValue !== null,
    registeredBy,
    lastResult: row.lastResult,
    lastResultAt: row.lastResultAt?.toISOString() ?? null,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    lastError: row.lastError,
    counts: row.lastCounts,
    plan: row.lastPlan,
    heldHash: row.heldHash,
    createdAt: row.createdAt.toISOString(),
  };
}

export type LocationJson = ReturnType<typeof locationJson>;

/** What the audit log keeps of a location: its identity and result, not the plan it reviewed. */
export function locationAudit(row: CatalogLocation) {
  const { plan: _plan, ...rest } = locationJson(row, null);
  return rest;
}
