import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { type Service, serviceDependencies, services, teams } from "@/db/schema";
import { slugField } from "@/lib/admin/schemas";
import { type CommandContext, defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { assertMayEdit, teamIdBySlug } from "./ownership";
import {
  createServiceInput,
  type PatchServiceInput,
  patchServiceInput,
  SERVICE_COLUMN_FIELDS,
  type ServiceColumnsInput,
  updateServiceInput,
} from "./schemas";
import { refreshScorecard } from "./scorecard-store";
import { servicesJson } from "./service-json";
import { changedColumns, sameSlugs } from "./service-patch";

/**
 * Reads a service, optionally locking its row. Every command that changes a service or its
 * dependency edges locks the service row first, before it touches `service_dependencies`:
 * one lock order for all of them, so an edit and a dependency change of one service queue
 * up instead of deadlocking. `for no key update` (what an UPDATE takes anyway) rather than
 * `for update`, so it does not block other services' edges pointing at this one.
 */
export async function loadService(tx: Tx, slug: string, { lock = false } = {}) {
  const query = tx.select().from(services).where(eq(services.slug, slug));
  const [service] = lock ? await query.for("no key update") : await query;
  if (!service) throw fail.notFound(`No service with slug "${slug}".`);
  return service;
}

/** Replaces the service's outgoing edges; unknown or self references are field errors. */
async function setDependencies(tx: Tx, service: Service, slugs: string[]) {
  const unique = [...new Set(slugs)];
  if (unique.includes(service.slug))
    throw fail.invalid("A service cannot depend on itself.", {
      dependsOn: "A service cannot depend on itself.",
    });
  const targets = unique.length
    ? await tx
        .select({ id: services.id, slug: services.slug })
        .from(services)
        .where(inArray(services.slug, unique))
    : [];
  const missing = unique.filter((s) => !targets.some((t) => t.slug === s));
  if (missing.length)
    throw fail.invalid(`Unknown service: ${missing.join(", ")}.`, {
      dependsOn: `Unknown service: ${missing.join(", ")}.`,
    });
  await tx.delete(serviceDependencies).where(eq(serviceDependencies.serviceId, service.id));
  if (targets.length)
    await tx
      .insert(serviceDependencies)
      .values(targets.map((t) => ({ serviceId: service.id, dependsOnId: t.id })));
}

/** The stored columns an input changes; `undefined` leaves a column as it is. */
function columns(input: ServiceColumnsInput) {
  const set = SERVICE_COLUMN_FIELDS.filter((field) => input[field] !== undefined);
  return Object.fromEntries(set.map((field) => [field, input[field]])) as Partial<Service>;
}

export const createService = defineCommand({
  name: "service.create",
  permission: "service.create",
  input: createServiceInput,
  async run({ tx, audit, actor }, input) {
    const [existing] = await tx
      .select({ name: services.name, team: teams.name })
      .from(services)
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(eq(services.slug, input.slug));
    if (existing) {
      const owner = existing.team ? ` (owned by ${existing.team})` : "";
      throw fail.conflict(`The slug "${input.slug}" is already used by ${existing.name}${owner}.`, {
        slug: `Already used by ${existing.name}.`,
      });
    }
    const ownerTeamId = await teamIdBySlug(tx, input.ownerTeam);
    await assertMayEdit(tx, actor, ownerTeamId, "register services for this team");
    const [service] = await tx
      .insert(services)
      .values({ ...columns(input), slug: input.slug, name: input.name, ownerTeamId })
      .returning();
    if (input.dependsOn?.length) await setDependencies(tx, service, input.dependsOn);
    const scored = await refreshScorecard(tx, service.id);
    await audit({
      entityType: "service",
      entityId: service.slug,
      after: { ...scored, dependsOn: input.dependsOn ?? [] },
    });
    return scored;
  },
});

/** Outgoing edges of one service, by slug. */
async function dependsOnOf(tx: Tx, serviceId: string): Promise<string[]> {
  const rows = await tx
    .select({ slug: services.slug })
    .from(serviceDependencies)
    .innerJoin(services, eq(services.id, serviceDependencies.dependsOnId))
    .where(eq(serviceDependencies.serviceId, serviceId));
  return rows.map((r) => r.slug).sort();
}

/**
 * Applies a PATCH — fields, owner, archive/restore and the dependency set — as one change
 * with one audit row. A request that changes nothing (no known field, or only the values
 * already stored) writes nothing at all: no `updated_at`, no audit row.
 */
async function applyPatch({ tx, audit, actor, unchanged }: CommandContext, input: PatchServiceInput) {
  const before = await loadService(tx, input.slug, { lock: true });
  await assertMayEdit(tx, actor, before.ownerTeamId, "edit this service");
  const patch = changedColumns(before, input);
  if (input.ownerTeam) {
    const ownerTeamId = await teamIdBySlug(tx, input.ownerTeam);
    if (ownerTeamId !== before.ownerTeamId) {
      // Handing a service to another team needs the right to edit that team's services too.
      await assertMayEdit(tx, actor, ownerTeamId, "move a service to that team");
      patch.ownerTeamId = ownerTeamId;
    }
  }
  if (input.archived !== undefined && input.archived !== (before.archivedAt !== null))
    patch.archivedAt = input.archived ? new Date() : null;
  const dependsOnBefore = input.dependsOn ? await dependsOnOf(tx, before.id) : undefined;
  const dependsOnChanged = input.dependsOn && !sameSlugs(input.dependsOn, dependsOnBefore ?? []);
  if (!Object.keys(patch).length && !dependsOnChanged) {
    unchanged();
    return before;
  }
  await tx
    .update(services)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(services.id, before.id));
  if (input.dependsOn && dependsOnChanged) await setDependencies(tx, before, input.dependsOn);
  const after = await refreshScorecard(tx, before.id);
  await audit({
    entityType: "service",
    entityId: before.slug,
    before: dependsOnChanged ? { ...before, dependsOn: dependsOnBefore } : before,
    after: dependsOnChanged ? { ...after, dependsOn: [...new Set(input.dependsOn)].sort() } : after,
  });
  return after;
}

/** The edit form's command: fields and dependencies; archiving has its own buttons. */
export const updateService = defineCommand({
  name: "service.update",
  permission: "service.update",
  input: updateServiceInput,
  run: (ctx, input) => applyPatch(ctx, input),
});

/** Hands a service to another team: the catalog table's bulk "change owner", for admins. */
export const transferService = defineCommand({
  name: "service.transfer",
  permission: "service.update_any",
  input: z.object({ slug: slugField, ownerTeam: slugField }),
  async run(ctx, input) {
    const after = await applyPatch(ctx, input);
    const [team] = await ctx.tx
      .select({ name: teams.name })
      .from(teams)
      .where(eq(teams.slug, input.ownerTeam));
    return { ...after, ownerTeamName: team.name };
  },
});

/**
 * `PATCH /api/v1/services/{slug}`: fields, `archived` and `dependsOn` in one transaction
 * with one audit row. It answers with the service as this transaction committed it, read
 * inside the transaction, so a later writer's change can never show up in this reply.
 */
export const patchService = defineCommand({
  name: "service.patch",
  permission: "service.update",
  input: patchServiceInput,
  async run(ctx, input) {
    const service = await applyPatch(ctx, input);
    const [json] = await servicesJson(ctx.tx, [service.slug]);
    return json;
  },
});

const slugOnly = z.object({ slug: slugField });

/** `change` returns null when the service is already as asked (archiving an archived one). */
function lifecycleCommand(
  name: string,
  permission: "service.update",
  verb: string,
  change: (s: Service) => Partial<Service> | null,
) {
  return defineCommand({
    name,
    permission,
    input: slugOnly,
    async run({ tx, audit, actor, unchanged }, input) {
      const before = await loadService(tx, input.slug, { lock: true });
      await assertMayEdit(tx, actor, before.ownerTeamId, verb);
      const patch = change(before);
      if (!patch) {
        unchanged();
        return before;
      }
      await tx
        .update(services)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(services.id, before.id));
      const after = await refreshScorecard(tx, before.id);
      await audit({ entityType: "service", entityId: before.slug, before, after });
      return after;
    },
  });
}

/** Archived services leave lists and counts but keep their history; nothing is hard-deleted. */
export const archiveService = lifecycleCommand(
  "service.archive",
  "service.update",
  "archive this service",
  (s) => (s.archivedAt ? null : { archivedAt: new Date() }),
);
export const restoreService = lifecycleCommand(
  "service.restore",
  "service.update",
  "restore this service",
  (s) => (s.archivedAt ? { archivedAt: null } : null),
);
/** An owner confirms the entry is true today. */
export const verifyService = lifecycleCommand(
  "service.verify",
  "service.update",
  "verify this service",
  () => ({ verifiedAt: new Date() }),
);

export async function dependencySlugs(tx: Tx, serviceIds: string[]) {
  if (!serviceIds.length) return new Map<string, string[]>();
  const rows = await tx
    .select({ from: serviceDependencies.serviceId, to: services.slug })
    .from(serviceDependencies)
    .innerJoin(services, eq(services.id, serviceDependencies.dependsOnId))
    .where(and(inArray(serviceDependencies.serviceId, serviceIds)));
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.from, [...(map.get(r.from) ?? []), r.to]);
  return map;
}
