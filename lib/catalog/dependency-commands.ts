import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { serviceDependencies, services } from "@/db/schema";
import { slugField } from "@/lib/admin/schemas";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { assertMayEdit } from "./ownership";
import { loadService } from "./service-commands";
import { shortestCycle } from "./service-queries";

const edgeInput = z.object({ slug: slugField, dependsOn: slugField }).refine((v) => v.slug !== v.dependsOn, {
  path: ["dependsOn"],
  message: "A service cannot depend on itself.",
});

/**
 * Declares that `slug` depends on `dependsOn` (idempotent). Cycles are allowed — real
 * systems have them — but the result names the cycle so the UI can warn. Like every
 * command that changes a service's edges, it locks the service row before touching them.
 */
export const addDependency = defineCommand({
  name: "service.add_dependency",
  permission: "service.update",
  input: edgeInput,
  async run({ tx, audit, actor, unchanged }, input) {
    const service = await loadService(tx, input.slug, { lock: true });
    await assertMayEdit(tx, actor, service.ownerTeamId, "change this service's dependencies");
    const target = await loadService(tx, input.dependsOn).catch(() => {
      throw fail.invalid(`Unknown service "${input.dependsOn}".`, {
        dependsOn: `Unknown service "${input.dependsOn}".`,
      });
    });
    const inserted = await tx
      .insert(serviceDependencies)
      .values({ serviceId: service.id, dependsOnId: target.id })
      .onConflictDoNothing()
      .returning();
    const created = inserted.length > 0;
    const cycle = await shortestCycle(tx, service.id);
    // Declaring an edge that exists already changes nothing, so it leaves no audit row.
    if (created)
      await audit({
        entityType: "service",
        entityId: service.slug,
        after: { dependsOn: target.slug, cycle },
      });
    else unchanged();
    return { slug: service.slug, dependsOn: target.slug, created, cycle };
  },
});

export const removeDependency = defineCommand({
  name: "service.remove_dependency",
  permission: "service.update",
  input: edgeInput,
  async run({ tx, audit, actor }, input) {
    const service = await loadService(tx, input.slug, { lock: true });
    await assertMayEdit(tx, actor, service.ownerTeamId, "change this service's dependencies");
    const [target] = await tx
      .select({ id: services.id })
      .from(services)
      .where(eq(services.slug, input.dependsOn));
    const removed = target
      ? await tx
          .delete(serviceDependencies)
          .where(
            and(
              eq(serviceDependencies.serviceId, service.id),
              eq(serviceDependencies.dependsOnId, target.id),
            ),
          )
          .returning()
      : [];
    if (!removed.length) throw fail.notFound(`${service.slug} does not depend on ${input.dependsOn}.`);
    await audit({
      entityType: "service",
      entityId: service.slug,
      before: { dependsOn: input.dependsOn },
      after: null,
    });
    return { slug: service.slug, dependsOn: input.dependsOn };
  },
});
