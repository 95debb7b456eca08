"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { declareIncident, patchIncident } from "./incident-commands";
import { incidentRead, majorIncidentsRead } from "./reads";
import { addIncidentEvent, joinIncident, leaveIncident } from "./timeline-commands";

const pathOf = (formData: FormData) => `/incidents/${formData.get("id")}`;

export async function declareIncidentAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(declareIncident, formInput(formData), { revalidate: ["/incidents"] });
  if (result.ok && result.data) redirect(`/incidents/${result.data.id}?declared=1`);
  return result;
}

/**
 * Saves an edit of the incident's fields or times. When someone else saved first, the state
 * carries their version so the form can show it beside the person's own edit.
 */
export async function updateIncidentAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const input = formInput(formData);
  const actor = await getActor();
  const result = await executeCommand(patchIncident, actor, input);
  const values = Object.fromEntries(
    Object.entries(input).filter(([k]) => !k.startsWith("$")),
  ) as ActionState["values"];
  if (result.ok) {
    revalidatePath(pathOf(formData));
    revalidatePath("/incidents");
    return {
      ok: true,
      message: result.data.changed.length ? "Saved." : "Nothing changed.",
      data: result.data,
    };
  }
  if (result.code === "conflict") {
    const current = await runQuery(incidentRead, actor, { id: String(formData.get("id")) });
    return {
      ok: false,
      error: result.error,
      fieldErrors: result.fieldErrors,
      values,
      data: { current: current.ok ? current.data : null },
    };
  }
  return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
}

export async function addIncidentNoteAction(_: ActionState, formData: FormData) {
  return runAction(addIncidentEvent, formInput(formData), {
    revalidate: [pathOf(formData)],
    success: "Added to the timeline.",
  });
}

export async function joinIncidentAction(_: ActionState, formData: FormData) {
  return runAction(joinIncident, formInput(formData), {
    revalidate: [pathOf(formData)],
    success: (r) => (r.joined ? "Seated." : "They already hold that role."),
  });
}

export async function leaveIncidentAction(_: ActionState, formData: FormData) {
  return runAction(leaveIncident, formInput(formData), {
    revalidate: [pathOf(formData)],
    success: "Seat ended.",
  });
}

/** The live banner's poll: open sev1/sev2 incidents, or null when the caller may not read incidents. */
export async function majorIncidentsAction() {
  const result = await runQuery(majorIncidentsRead, await getActor(), {});
  return result.ok ? result.data.items : null;
}
