"use server";

import { redirect } from "next/navigation";
import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { runQuery } from "@/lib/query/run";
import { problemFormInput } from "./form-values";
import { createProblem, patchProblem } from "./problem-commands";
import { linkProblemIncidents, unlinkProblemIncidents } from "./problem-link-commands";
import { problemRead } from "./problem-reads";
import { acceptSuggestion, dismissSuggestion } from "./suggestion-commands";
import { saveVersioned } from "./versioned-action";

const pathOf = (formData: FormData) => `/problems/${formData.get("id")}`;

export async function createProblemAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(createProblem, problemFormInput(formInput(formData)), {
    revalidate: ["/problems"],
  });
  if (result.ok && result.data) redirect(`/problems/${result.data.id}?created=1`);
  return result;
}

/** Saves an edit or a state change (`state`, with `reason` to accept a risk); a 409 carries the problem as it is. */
export async function updateProblemAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const id = String(formData.get("id"));
  return saveVersioned(patchProblem, formInput(formData), {
    reload: async (actor) => {
      const current = await runQuery(problemRead, actor, { id });
      return current.ok ? current.data : null;
    },
    revalidate: [pathOf(formData), "/problems"],
  });
}

export async function linkProblemIncidentsAction(_: ActionState, formData: FormData) {
  return runAction(linkProblemIncidents, problemFormInput(formInput(formData)), {
    revalidate: [pathOf(formData)],
    success: (r) =>
      r.linked.length ? `Linked ${r.linked.map((n) => `INC-${n}`).join(", ")}.` : "Already linked.",
  });
}

export async function unlinkProblemIncidentsAction(_: ActionState, formData: FormData) {
  return runAction(unlinkProblemIncidents, problemFormInput(formInput(formData)), {
    revalidate: [pathOf(formData)],
    success: "Unlinked.",
  });
}

/** Accepting a suggestion opens the problem it made. */
export async function acceptSuggestionAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(acceptSuggestion, formInput(formData), { revalidate: ["/problems"] });
  if (result.ok && result.data) redirect(`/problems/${result.data.id}?created=1`);
  return result;
}

export async function dismissSuggestionAction(_: ActionState, formData: FormData) {
  return runAction(dismissSuggestion, formInput(formData), {
    revalidate: ["/problems"],
    success: "Dismissed; Pharos will not suggest this group again.",
  });
}
