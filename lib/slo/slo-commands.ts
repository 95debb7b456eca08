import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { services } from "@/db/schema/catalog";
import { type Slo, slos, sloVersions } from "@/db/schema/slo";
import { type Actor, actorLabel, actorUserId } from "@/lib/auth/actor";
import { assertMayEdit } from "@/lib/catalog/ownership";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { evaluateAlerts } from "./alerts";
import { changedFields, columnsOf, definitionOf } from "./definition";
import { createSloInput, patchSloInput, type SloDefinition } from "./schemas";
import { refreshServiceScorecards } from "./scorecard-facts";

/** The SLO, locked for the write, with its service's team; 404 when there is none. */
export async function sloForWrite(tx: Tx, id: string) {
  const [row] = await tx
    .select({ slo: slos, ownerTeamId: services.ownerTeamId, serviceSlug: services.slug })
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .where(eq(slos.id, id))
    .for("update", { of: slos });
  if (!row) throw fail.notFound("No such SLO.");
  return row;
}

async function assertNameFree(tx: Tx, serviceId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: slos.id })
    .from(slos)
    .where(
      and(
        eq(slos.serviceId, serviceId),
        sql`lower(${slos.name}) = lower(${name})`,
        exceptId ? ne(slos.id, exceptId) : undefined,
      ),
    );
  if (clash) {
    const message = `This service already has an SLO named "${name}".`;
    throw fail.conflict(message, { name: message });
  }
}

async function recordVersion(tx: Tx, actor: Actor, slo: Slo, changed: string[]) {
  await tx.insert(sloVersions).values({
    sloId: slo.id,
    version: slo.version,
    definition: definitionOf(slo),
    changed,
    changedById: actorUserId(actor),
    changedByLabel: actorLabel(actor),
  });
}

/** Creates an SLO as the given definition; the body of `createSlo`, for imports that create several in one transaction. */
export async function insertSlo(tx: Tx, actor: Actor, serviceSlug: string, definition: SloDefinition) {
  const [service] = await tx
    .select({ id: services.id, ownerTeamId: services.ownerTeamId, archivedAt: services.archivedAt })
    .from(services)
    .where(eq(services.slug, serviceSlug));
  if (!service)
    throw fail.invalid(`Unknown service "${serviceSlug}".`, { service: `Unknown service "${serviceSlug}".` });
  if (service.archivedAt)
    throw fail.invalid("This service is archived.", { service: "This service is archived." });
  await assertMayEdit(tx, actor, service.ownerTeamId, "define its SLOs", "slo.update_any");
  await assertNameFree(tx, service.id, definition.name);
  const [slo] = await tx
    .insert(slos)
    .values({ serviceId: service.id, ...columnsOf(definition), createdById: actorUserId(actor) })
    .returning();
  await recordVersion(tx, actor, slo, []);
  await refreshServiceScorecards(tx, [service.id]);
  return slo;
}

export const createSlo = defineCommand({
  name: "slo.create",
  permission: "slo.create",
  input: createSloInput,
  async run({ tx, actor, audit }, { service, ...input }) {
    const definition: SloDefinition = {
      ...input,
      description: input.description ?? "",
      latencyThresholdMs: input.latencyThresholdMs ?? null,
    };
    const slo = await insertSlo(tx, actor, service, definition);
    await audit({ entityType: "slo", entityId: slo.id, after: { service, ...definitionOf(slo) } });
    return { id: slo.id, serviceSlug: service };
  },
});

export const patchSlo = defineCommand({
  name: "slo.update",
  permission: "slo.update",
  input: patchSloInput,
  async run({ tx, actor, audit, unchanged }, { id, ...patch }) {
    const { slo, ownerTeamId, serviceSlug } = await sloForWrite(tx, id);
    await assertMayEdit(tx, actor, ownerTeamId, "change its SLOs", "slo.update_any");
    const before = definitionOf(slo);
    const after: SloDefinition = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      latencyThresholdMs:
        patch.latencyThresholdMs === undefined ? before.latencyThresholdMs : patch.latencyThresholdMs,
      description: patch.description ?? before.description,
    };
    if (after.sliKind === "latency" && after.latencyThresholdMs === null) {
      const message = "A latency SLI needs its threshold, e.g. 300 ms.";
      throw fail.invalid(message, { latencyThresholdMs: message });
    }
    if (after.sliKind === "ratio") after.latencyThresholdMs = null;
    const changed = changedFields(before, after);
    if (!changed.length) {
      unchanged();
      return { id, serviceSlug, version: slo.version, changed };
    }
    if (changed.includes("name")) await assertNameFree(tx, slo.serviceId, after.name, id);
    const [updated] = await tx
      .update(slos)
      .set({ ...columnsOf(after), version: slo.version + 1, updatedAt: new Date() })
      .where(eq(slos.id, id))
      .returning();
    await recordVersion(tx, actor, updated, changed);
    // A new target or window changes the status at once: alerts and levels follow it.
    await evaluateAlerts(tx, [updated]);
    await refreshServiceScorecards(tx, [slo.serviceId]);
    await audit({ entityType: "slo", entityId: id, before, after: definitionOf(updated) });
    return { id, serviceSlug, version: updated.version, changed };
  },
});
