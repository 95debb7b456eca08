import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import { budgetAdjustments, slos } from "@/db/schema/slo";
import { assertMayEdit } from "@/lib/catalog/ownership";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { integer } from "@/lib/validation/number";
import { line } from "@/lib/validation/text";
import { ISO_WITH_ZONE } from "@/lib/validation/time";
import { evaluateAlerts } from "./alerts";
import { rruleProblem } from "./exclusions";
import { refreshServiceScorecards } from "./scorecard-facts";
import { sloForWrite } from "./slo-commands";

const startsAtField = z
  .string({ error: "Give the start as a date and time, e.g. 2026-12-06T02:00Z." })
  .trim()
  .refine(
    (v) => ISO_WITH_ZONE.test(v) && !Number.isNaN(Date.parse(v)),
    "Give the start in UTC with its zone, e.g. 2026-12-06T02:00Z (or an offset such as +01:00).",
  )
  .transform((v) => new Date(Date.parse(v)));

export const addAdjustmentInput = z
  .strictObject({
    sloId: z.uuid("Not an SLO id."),
    /** `service`: the interval is excluded from every SLO of the SLO's service. */
    scope: z
      .enum(["slo", "service"], { error: "Exclude from this SLO or from every SLO of its service." })
      .default("slo"),
    startsAt: startsAtField,
    durationMinutes: integer({
      min: 5,
      max: 7 * 24 * 60,
      tooSmall: "At least 5 minutes.",
      tooLarge: "At most 7 days.",
    }),
    rrule: z
      .string()
      .trim()
      .max(500)
      .optional()
      .transform((v) => v || undefined),
    reason: line(300, {
      label: "The reason",
      required: "Say why this time is excluded (e.g. the change it belongs to).",
    }),
  })
  .superRefine((v, ctx) => {
    if (!v.rrule) return;
    const problem = rruleProblem(v.rrule, v.startsAt.getTime());
    if (problem) ctx.addIssue({ code: "custom", path: ["rrule"], message: problem });
  });

/**
 * Excludes an interval, once or repeating, from an SLO or from every SLO of its service.
 * Nothing is rewritten: adjustments apply when counts are read, so statuses, burn rates
 * and charts change at once — and the alerts are evaluated again on them.
 */
export const addAdjustment = defineCommand({
  name: "slo.adjustment.add",
  permission: "slo.adjust",
  input: addAdjustmentInput,
  async run({ tx, actor, audit }, input) {
    const { slo, ownerTeamId } = await sloForWrite(tx, input.sloId);
    await assertMayEdit(tx, actor, ownerTeamId, "adjust its error budgets", "slo.update_any");
    const [row] = await tx
      .insert(budgetAdjustments)
      .values({
        sloId: input.scope === "slo" ? slo.id : null,
        serviceId: input.scope === "service" ? slo.serviceId : null,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        rrule: input.rrule ?? null,
        reason: input.reason,
        createdById: actor.kind === "user" ? actor.user.id : null,
      })
      .returning();
    const affected =
      input.scope === "service"
        ? await tx.select().from(slos).where(eq(slos.serviceId, slo.serviceId))
        : [slo];
    await evaluateAlerts(tx, affected);
    await refreshServiceScorecards(tx, [slo.serviceId]);
    await audit({ entityType: "budget_adjustment", entityId: row.id, after: { ...row, sloName: slo.name } });
    return { id: row.id, sloId: slo.id };
  },
});

export const removeAdjustment = defineCommand({
  name: "slo.adjustment.remove",
  permission: "slo.adjust",
  input: z.strictObject({ id: z.uuid("Not an adjustment id."), sloId: z.uuid("Not an SLO id.") }),
  async run({ tx, actor, audit }, { id, sloId }) {
    const { slo, ownerTeamId } = await sloForWrite(tx, sloId);
    await assertMayEdit(tx, actor, ownerTeamId, "adjust its error budgets", "slo.update_any");
    // Only an adjustment this SLO sees (its own, or its service's) can be removed from its page.
    const [row] = await tx
      .delete(budgetAdjustments)
      .where(
        and(
          eq(budgetAdjustments.id, id),
          or(eq(budgetAdjustments.sloId, slo.id), eq(budgetAdjustments.serviceId, slo.serviceId)),
        ),
      )
      .returning();
    if (!row) throw fail.notFound("No such adjustment on this SLO.");
    const affected = row.serviceId
      ? await tx.select().from(slos).where(eq(slos.serviceId, slo.serviceId))
      : [slo];
    await evaluateAlerts(tx, affected);
    await refreshServiceScorecards(tx, [slo.serviceId]);
    await audit({ entityType: "budget_adjustment", entityId: id, before: row });
    return { id, sloId };
  },
});
