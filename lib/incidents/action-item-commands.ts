import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { services } from "@/db/schema/catalog";
import { type ActionItem, actionItems, incidentServices, postmortems, problems } from "@/db/schema/incidents";
import { actorUserId } from "@/lib/auth/actor";
import { defineCommand } from "@/lib/command/define";
import { CommandError, fail } from "@/lib/command/result";
import { createActionItemInput, patchActionItemInput } from "./action-item-schemas";
import { refreshActionItemScorecards } from "./scorecard-facts";
import { personByEmail, serviceBySlug } from "./write-helpers";

/** The parent the item hangs from, and the service its work is on when the caller names none. */
async function parentOf(tx: Tx, input: { postmortemId?: string; problemId?: string }) {
  if (Boolean(input.postmortemId) === Boolean(input.problemId)) {
    const message = "Raise the action item from one postmortem or one problem.";
    throw fail.invalid(message, { [input.postmortemId ? "problemId" : "postmortemId"]: message });
  }
  if (input.postmortemId) {
    const [pm] = await tx
      .select({ incidentId: postmortems.incidentId })
      .from(postmortems)
      .where(eq(postmortems.id, input.postmortemId));
    if (!pm) throw fail.invalid("No such postmortem.", { postmortemId: "No such postmortem." });
    // The incident's first service (by slug, as its page lists them): the usual place of the fix.
    const [first] = await tx
      .select({ id: services.id })
      .from(incidentServices)
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .where(eq(incidentServices.incidentId, pm.incidentId))
      .orderBy(asc(services.slug))
      .limit(1);
    return { postmortemId: input.postmortemId, problemId: null, serviceId: first?.id ?? null };
  }
  const [problem] = await tx
    .select({ serviceId: problems.serviceId })
    .from(problems)
    .where(eq(problems.id, input.problemId as string));
  if (!problem) throw fail.invalid("No such problem.", { problemId: "No such problem." });
  return { postmortemId: null, problemId: input.problemId as string, serviceId: problem.serviceId };
}

export const createActionItem = defineCommand({
  name: "action_item.create",
  permission: "action_item.manage",
  input: createActionItemInput,
  async run({ tx, actor, audit }, input) {
    const parent = await parentOf(tx, input);
    const owner = await personByEmail(tx, input.owner, "owner");
    const serviceId = input.service ? await serviceBySlug(tx, input.service) : parent.serviceId;
    const [item] = await tx
      .insert(actionItems)
      .values({
        postmortemId: parent.postmortemId,
        problemId: parent.problemId,
        title: input.title,
        ownerId: owner.id,
        serviceId,
        dueOn: input.dueOn,
        type: input.type,
        priority: input.priority,
        ticketUrl: input.ticketUrl ?? null,
        createdById: actorUserId(actor),
      })
      .returning();
    await refreshActionItemScorecards(tx, [serviceId]);
    await audit({ entityType: "action_item", entityId: item.id, after: { ...input, serviceId } });
    return { id: item.id, version: item.version };
  },
});

const staleItem = (current: ActionItem) =>
  new CommandError(
    "conflict",
    `Someone else changed this action item (now version ${current.version}); review their change and apply yours again.`,
    { version: "This action item changed since you opened it." },
    { currentVersion: current.version, actionItemId: current.id },
  );

/**
 * Changes an action item against the version the editor read. `wont_do` needs a reason (kept
 * while it stays so); `done` stamps when, and reopening clears it.
 */
export const patchActionItem = defineCommand({
  name: "action_item.update",
  permission: "action_item.manage",
  input: patchActionItemInput,
  async run({ tx, audit, unchanged }, { id, version, owner, service, status, wontDoReason, ...fields }) {
    const now = new Date();
    const [before] = await tx.select().from(actionItems).where(eq(actionItems.id, id)).for("update");
    if (!before) throw fail.notFound("No such action item.");
    if (before.version !== version) throw staleItem(before);
    const set: Partial<ActionItem> = {};
    for (const field of ["title", "dueOn", "type", "priority", "ticketUrl"] as const) {
      const value = fields[field];
      if (value !== undefined && value !== before[field]) Object.assign(set, { [field]: value });
    }
    if (owner !== undefined) {
      const person = await personByEmail(tx, owner, "owner");
      if (person.id !== before.ownerId) set.ownerId = person.id;
    }
    if (service !== undefined) {
      const serviceId = service === null ? null : await serviceBySlug(tx, service);
      if (serviceId !== before.serviceId) set.serviceId = serviceId;
    }
    const next = status ?? before.status;
    if (next === "wont_do") {
      const reason = wontDoReason ?? before.wontDoReason ?? "";
      if (!reason) {
        const message = "Say why it will not be done; the reason stays with the item.";
        throw fail.invalid(message, { wontDoReason: message });
      }
      if (reason !== before.wontDoReason) set.wontDoReason = reason;
    } else if (wontDoReason !== undefined) {
      const message = "A reason goes with the status wont_do only.";
      throw fail.invalid(message, { wontDoReason: message });
    } else if (before.wontDoReason !== null) set.wontDoReason = null;
    if (next !== before.status) {
      set.status = next;
      if (next === "done") set.doneAt = now;
      else if (before.doneAt) set.doneAt = null;
    }
    const changed = Object.keys(set);
    if (!changed.length) {
      unchanged();
      return { id, version: before.version, changed };
    }
    const [after] = await tx
      .update(actionItems)
      .set({ ...set, version: before.version + 1, updatedAt: now })
      .where(eq(actionItems.id, id))
      .returning();
    await refreshActionItemScorecards(tx, [before.serviceId, after.serviceId]);
    const pick = (row: ActionItem) =>
      Object.fromEntries(changed.map((f) => [f, (row as Record<string, unknown>)[f] ?? null]));
    await audit({ entityType: "action_item", entityId: id, before: pick(before), after: pick(after) });
    return { id, version: after.version, changed };
  },
});
