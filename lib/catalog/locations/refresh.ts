import type { Actor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { fetchCatalogFile } from "./fetch";
import { refreshCatalogLocation } from "./location-commands";
import { locationTargetRead } from "./location-reads";
import { urlPolicy } from "./schemas";

/**
 * One refresh, on demand or on the schedule: fetch the file (outside any transaction, so a
 * slow server holds no connection or lock), then record and, when it is clean, apply it.
 * The caller must be allowed to import before Pharos makes any request on their behalf.
 */
export async function refreshLocation(actor: Actor | null, id: string) {
  const target = await runQuery(locationTargetRead, actor, { id });
  if (!target.ok) return target;
  const fetched = await fetchCatalogFile(target.data.url, { ...urlPolicy(), header: target.data.header });
  return executeCommand(refreshCatalogLocation, actor, { id, fetched });
}
