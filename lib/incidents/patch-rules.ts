import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { type Incident, incidentServices, incidents, postmortems } from "@/db/schema/incidents";
import { fail } from "@/lib/command/result";
import { servicesBySlug } from "./write-helpers";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "INC-42", "42" or an id: how people name an incident. Null when it is none of them. */
export function incidentReference(text: string): { id: string } | { number: number } | null {
  const trimmed = text.trim();
  if (UUID.test(trimmed)) return { id: trimmed.toLowerCase() };
  const match = /^(?:inc-?)?(\d{1,9})$/i.exec(trimmed);
  return match ? { number: Number(match[1]) } : null;
}

async function findIncident(tx: Tx, text: string) {
  const ref = incidentReference(text);
  if (!ref) return null;
  const [row] = await tx
    .select({ id: incidents.id, number: incidents.number, duplicateOfId: incidents.duplicateOfId })
    .from(incidents)
    .where("id" in ref ? eq(incidents.id, ref.id) : eq(incidents.number, ref.number));
  return row ?? null;
}

/**
 * The incident `before` duplicates after this patch: required for status `duplicate`, never
 * itself, and never a chain that leads back to it (A duplicates B duplicates A).
 */
export async function assertNoDuplicateCycle(
  tx: Tx,
  before: Incident,
  status: Incident["status"],
  duplicateOf: string | null | undefined,
): Promise<string | null> {
  if (status !== "duplicate") {
    if (duplicateOf) {
      const message = 'Only a duplicate names the incident it repeats; set the status to "duplicate".';
      throw fail.invalid(message, { duplicateOf: message });
    }
    return null;
  }
  if (duplicateOf === undefined && before.duplicateOfId) return before.duplicateOfId;
  if (!duplicateOf) {
    const message = "Name the incident this one duplicates, e.g. INC-42.";
    throw fail.invalid(message, { duplicateOf: message });
  }
  const target = await findIncident(tx, duplicateOf);
  if (!target) {
    const message = `No incident ${duplicateOf}.`;
    throw fail.invalid(message, { duplicateOf: message });
  }
  if (target.id === before.id) {
    const message = "An incident cannot duplicate itself.";
    throw fail.invalid(message, { duplicateOf: message });
  }
  // Walk the chain from the target: reaching this incident again would make a cycle.
  const [loop] = rowsOf<{ found: boolean }>(
    await tx.execute(sql`
    with recursive chain(id, depth) as (
      select ${target.id}::uuid, 0
      union all
      select i.duplicate_of_id, c.depth + 1 from incidents i join chain c on i.id = c.id
      where i.duplicate_of_id is not null and c.depth < 1000
    )
    select exists (select 1 from chain where id = ${before.id}::uuid) as found`),
  );
  if (loop?.found) {
    const message = `INC-${target.number} already leads back to this incident as a duplicate; that would be a cycle.`;
    throw fail.invalid(message, { duplicateOf: message });
  }
  return target.id;
}

/** Closing a major incident needs its published postmortem: the learning is part of closing it. */
export async function assertPostmortemPublished(tx: Tx, incidentId: string) {
  const [pm] = await tx
    .select({ status: postmortems.status })
    .from(postmortems)
    .where(and(eq(postmortems.incidentId, incidentId)));
  if (pm?.status !== "published") {
    const message = pm
      ? `Publish the postmortem (now ${pm.status.replace("_", " ")}) before closing a sev1 or sev2 incident.`
      : "Write and publish a postmortem before closing a sev1 or sev2 incident.";
    throw fail.invalid(message, { status: message });
  }
}

/** Replaces the incident's services when the list differs; null when it is the same set. */
export async function changedServices(tx: Tx, incidentId: string, slugs: string[]) {
  const next = await servicesBySlug(tx, slugs);
  const current = await tx
    .select({ id: incidentServices.serviceId })
    .from(incidentServices)
    .where(eq(incidentServices.incidentId, incidentId));
  const currentIds = new Set(current.map((r) => r.id));
  if (current.length === next.length && next.every((s) => currentIds.has(s.id))) return null;
  await tx.delete(incidentServices).where(eq(incidentServices.incidentId, incidentId));
  await tx.insert(incidentServices).values(next.map((s) => ({ incidentId, serviceId: s.id })));
  return { ids: [...new Set([...currentIds, ...next.map((s) => s.id)])], slugs: next.map((s) => s.slug) };
}
