import { eq } from "drizzle-orm";
import { type Problem, problems } from "@/db/schema/incidents";
import { actorUserId } from "@/lib/auth/actor";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { createProblemInput, patchProblemInput } from "./problem-schemas";
import { canMoveProblem, PROBLEM_STATE_LABELS, stampsFor, stateErrors } from "./problem-states";
import { linkIncidents, problemForWrite, servicesOfIncidents, staleProblem } from "./problem-write";
import { refreshSuggestions } from "./suggestions";
import { personByEmail, serviceBySlug } from "./write-helpers";

const firstError = (errors: Record<string, string>) => Object.values(errors)[0];

/** Opens a problem on a service, optionally linking the incidents it explains. */
export const createProblem = defineCommand({
  name: "problem.create",
  permission: "problem.manage",
  input: createProblemInput,
  async run({ tx, actor, audit }, input) {
    const now = new Date();
    const serviceId = await serviceBySlug(tx, input.service);
    const owner = input.owner ? await personByEmail(tx, input.owner, "owner") : null;
    const [problem] = await tx
      .insert(problems)
      .values({
        title: input.title,
        description: input.description,
        serviceId,
        ownerId: owner?.id ?? actorUserId(actor),
        createdById: actorUserId(actor),
      })
      .returning();
    const linked = input.incidents.length ? await linkIncidents(tx, problem, input.incidents) : [];
    // Linked incidents leave the pool suggestions are drawn from.
    if (linked.length)
      await refreshSuggestions(
        tx,
        await servicesOfIncidents(
          tx,
          linked.map((i) => i.id),
        ),
        now,
      );
    await audit({
      entityType: "problem",
      entityId: problem.id,
      after: {
        ...input,
        state: problem.state,
        number: problem.number,
        incidents: linked.map((i) => i.number),
      },
    });
    return { id: problem.id, number: problem.number, version: problem.version };
  },
});

/**
 * Edits a problem and moves it through its states against the version the editor read. The
 * state change's reason goes in the audit row, which is the problem's history.
 */
export const patchProblem = defineCommand({
  name: "problem.update",
  permission: "problem.manage",
  input: patchProblemInput,
  async run({ tx, audit, unchanged }, { id, version, owner, service, state, reason, ...fields }) {
    const now = new Date();
    const before = await problemForWrite(tx, id);
    if (before.version !== version) throw staleProblem(before);
    const set: Partial<Problem> = {};
    for (const field of ["title", "description", "rootCause", "workaround"] as const) {
      const value = fields[field];
      if (value !== undefined && value !== before[field]) Object.assign(set, { [field]: value });
    }
    if (owner !== undefined) {
      const person = await personByEmail(tx, owner, "owner");
      if (person.id !== before.ownerId) set.ownerId = person.id;
    }
    if (service !== undefined) {
      const serviceId = await serviceBySlug(tx, service);
      if (serviceId !== before.serviceId) set.serviceId = serviceId;
    }
    const next = state ?? before.state;
    if (next !== before.state) {
      if (!canMoveProblem(before.state, next)) {
        const message = `A problem that is ${PROBLEM_STATE_LABELS[before.state].toLowerCase()} cannot become ${PROBLEM_STATE_LABELS[next].toLowerCase()}.`;
        throw fail.invalid(message, { state: message });
      }
      Object.assign(set, { state: next }, stampsFor(before.state, next, now));
    }
    // The rule holds while the problem is in the state, not only on the way in.
    const errors = stateErrors(
      next,
      {
        rootCause: set.rootCause ?? before.rootCause,
        workaround: set.workaround ?? before.workaround,
        reason,
      },
      next !== before.state,
    );
    if (Object.keys(errors).length) throw fail.invalid(firstError(errors), errors);
    const changed = Object.keys(set);
    if (!changed.length) {
      unchanged();
      return { id, number: before.number, version: before.version, changed };
    }
    const [after] = await tx
      .update(problems)
      .set({ ...set, version: before.version + 1, updatedAt: now })
      .where(eq(problems.id, id))
      .returning();
    const pick = (row: Problem) =>
      Object.fromEntries(changed.map((f) => [f, (row as Record<string, unknown>)[f] ?? null]));
    await audit({
      entityType: "problem",
      entityId: id,
      before: pick(before),
      after: { ...pick(after), ...(reason ? { reason } : {}) },
    });
    return { id, number: after.number, version: after.version, changed };
  },
});
