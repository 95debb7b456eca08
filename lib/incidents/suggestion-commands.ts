import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { problemSuggestions, problems } from "@/db/schema/incidents";
import { actorUserId } from "@/lib/auth/actor";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { acceptSuggestionInput, dismissSuggestionInput } from "./problem-schemas";
import { linkIncidents, servicesOfIncidents } from "./problem-write";
import { refreshSuggestions } from "./suggestions";
import { personByEmail } from "./write-helpers";

async function openSuggestion(tx: Tx, id: string) {
  const [row] = await tx.select().from(problemSuggestions).where(eq(problemSuggestions.id, id)).for("update");
  if (!row) throw fail.notFound("No such suggestion.");
  return row;
}

/**
 * Turns a suggestion into a problem on its service with all its incidents linked. The
 * suggestion stays, accepted and pointing at the problem, so the pattern is not proposed again.
 */
export const acceptSuggestion = defineCommand({
  name: "problem.suggestion.accept",
  permission: "problem.manage",
  input: acceptSuggestionInput,
  async run({ tx, actor, audit }, input) {
    const now = new Date();
    const suggestion = await openSuggestion(tx, input.id);
    if (suggestion.state !== "open") throw fail.invalid(`This suggestion was already ${suggestion.state}.`);
    const owner = input.owner ? await personByEmail(tx, input.owner, "owner") : null;
    const [problem] = await tx
      .insert(problems)
      .values({
        title: input.title ?? suggestion.title,
        description:
          input.description ??
          `Proposed by Pharos: ${suggestion.incidentIds.length} ${suggestion.kind === "same_cause" ? "incidents with the same cause" : "incidents with similar titles"} within 90 days.`,
        serviceId: suggestion.serviceId,
        ownerId: owner?.id ?? actorUserId(actor),
        createdById: actorUserId(actor),
      })
      .returning();
    const linked = await linkIncidents(tx, problem, suggestion.incidentIds);
    await tx
      .update(problemSuggestions)
      .set({
        state: "accepted",
        problemId: problem.id,
        decidedById: actorUserId(actor),
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(problemSuggestions.id, suggestion.id));
    const affected = await servicesOfIncidents(
      tx,
      linked.map((i) => i.id),
    );
    await refreshSuggestions(tx, [...new Set([suggestion.serviceId, ...affected])], now);
    await audit({
      entityType: "problem",
      entityId: problem.id,
      after: {
        title: problem.title,
        number: problem.number,
        fromSuggestion: suggestion.id,
        incidents: linked.map((i) => i.number),
      },
    });
    await audit({
      entityType: "problem_suggestion",
      entityId: suggestion.id,
      after: { state: "accepted", problemId: problem.id },
    });
    return { id: problem.id, number: problem.number, version: problem.version, suggestionId: suggestion.id };
  },
});

/** Declines a suggestion for good: the same group of incidents is not proposed again, however it grows. */
export const dismissSuggestion = defineCommand({
  name: "problem.suggestion.dismiss",
  permission: "problem.manage",
  input: dismissSuggestionInput,
  async run({ tx, actor, audit, unchanged }, { id }) {
    const suggestion = await openSuggestion(tx, id);
    if (suggestion.state === "dismissed") {
      unchanged();
      return { id, state: "dismissed" as const };
    }
    if (suggestion.state === "accepted")
      throw fail.invalid("This suggestion was accepted; work on its problem instead.");
    const now = new Date();
    await tx
      .update(problemSuggestions)
      .set({ state: "dismissed", decidedById: actorUserId(actor), decidedAt: now, updatedAt: now })
      .where(eq(problemSuggestions.id, id));
    await audit({
      entityType: "problem_suggestion",
      entityId: id,
      before: { state: "open" },
      after: { state: "dismissed" },
    });
    return { id, state: "dismissed" as const };
  },
});
