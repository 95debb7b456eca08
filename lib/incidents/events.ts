import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { services, users } from "@/db/schema/catalog";
import { type Incident, incidentServices } from "@/db/schema/incidents";
import { emitEvent } from "@/lib/webhooks/emit";

/** The incident as webhook payloads carry it: references a receiver can route on. */
export async function incidentRef(tx: Tx, incident: Incident) {
  const [row] = await tx
    .select({
      services: sql<
        string[]
      >`coalesce(array_agg(${services.slug} order by ${services.slug}) filter (where ${services.slug} is not null), '{}')`,
      commander: sql<
        string | null
      >`(select ${users.email} from ${users} where ${users.id} = ${incident.commanderId ?? null}::uuid)`,
    })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .where(eq(incidentServices.incidentId, incident.id));
  return {
    id: incident.id,
    number: incident.number,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    services: row?.services ?? [],
    commander: row?.commander ?? null,
    declaredAt: incident.declaredAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    version: incident.version,
  };
}

/** Hands an incident's change to the outbound webhooks, in the caller's transaction. */
export async function publishIncident(
  tx: Tx,
  incident: Incident,
  change: "declared" | { changed: string[] },
) {
  const ref = await incidentRef(tx, incident);
  if (change === "declared") {
    await emitEvent(tx, "incident.declared", { incident: ref });
    return;
  }
  await emitEvent(tx, "incident.updated", { incident: ref, changed: change.changed });
  if (change.changed.includes("status") && incident.status === "resolved")
    await emitEvent(tx, "incident.resolved", { incident: ref });
}
