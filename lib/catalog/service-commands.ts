import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { type Service, serviceDependencies, services, teams } from "@/db/schema";
import { slugField } from "@/lib/admin/schemas";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { assertMayEdit, teamIdBySlug } from "./ownership";
import { createServiceInput, type UpdateServiceInput, updateServiceInput } from "./schemas";
import { refreshScorecard } from "./scorecard-store";

export async function loadService(tx: Tx, slug: string, { lock = false } = {}) {
  const query = tx.select().from(services).where(eq(services.slug, slug));
  const [service] = lock ? await query.for("update") : await query;
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
function columns(input: Omit<UpdateServiceInput, "slug" | "ownerTeam" | "dependsOn">) {
  const { name, description, tier, lifecycle, domain, repoUrl, runbookUrl, onCall, links, tags } = input;
  const { rtoMinutes, rpoMinutes, lastDrTestAt, system, businessDomain } = input;
  const out = {
    name,
    description,
    tier,
    lifecycle,
    domain,
    repoUrl,
    runbookUrl,
    onCall,
    links,
    tags,
    rtoMinutes,
    rpoMinutes,
    lastDrTestAt,
    system,
    businessDomain,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Partial<Service>;
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

export const updateService = defineCommand({
  name: "service.update",
  permission: "service.update",
  input: updateServiceInput,
  async run({ tx, audit, actor }, input) {
    const before = await loadService(tx, input.slug, { lock: true });
    await assertMayEdit(tx, actor, before.ownerTeamId, "edit this service");
    const patch = columns(input);
    if (input.ownerTeam) {
      patch.ownerTeamId = await teamIdBySlug(tx, input.ownerTeam);
      // Handing a service to another team needs the right to edit that team's services too.
      await assertMayEdit(tx, actor, patch.ownerTeamId, "move a service to that team");
    }
    await tx
      .update(services)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(services.id, before.id));
    if (input.dependsOn) await setDependencies(tx, before, input.dependsOn);
    const after = await refreshScorecard(tx, before.id);
    await audit({ entityType: "service", entityId: before.slug, before, after });
    return after;
  },
});

const slugOnly = z.object({ slug: slugField });

function lifecycleCommand(
  name: string,
  permission: "service.update",
  verb: string,
  change: (s: Service) => Partial<Service>,
) {
  return defineCommand({
    name,
    permission,
    input: slugOnly,
    async run({ tx, audit, actor }, input) {
      const before = await loadService(tx, input.slug, { lock: true });
      await assertMayEdit(tx, actor, before.ownerTeamId, verb);
      await tx
        .update(services)
        .set({ ...change(before), updatedAt: new Date() })
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
  () => ({ archivedAt: new Date() }),
);
export const restoreService = lifecycleCommand(
  "service.restore",
  "service.update",
  "restore this service",
  () => ({ archivedAt: null }),
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
