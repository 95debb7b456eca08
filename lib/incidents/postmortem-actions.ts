"use server";

import { redirect } from "next/navigation";
import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { runQuery } from "@/lib/query/run";
import { postmortemFormInput } from "./form-values";
import { createPostmortem, patchPostmortem } from "./postmortem-commands";
import { postmortemRead } from "./postmortem-reads";
import { approvePostmortem } from "./postmortem-review-commands";
import { saveVersioned } from "./versioned-action";

const pagePath = (incidentId: FormDataEntryValue | null) => `/incidents/${incidentId}/postmortem`;

/**
 * The form's fields without `incidentId`: forms send it only to say which pages to refresh,
 * and the edit and approve commands, whose inputs are strict, would refuse it as unknown.
 */
function withoutIncident(formData: FormData) {
  const { incidentId: _, ...input } = formInput(formData);
  return input;
}

export async function createPostmortemAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const incidentId = formData.get("incidentId");
  const result = await runAction(createPostmortem, postmortemFormInput(formInput(formData)), {
    revalidate: [`/incidents/${incidentId}`, "/incidents/postmortems"],
  });
  if (result.ok && result.data) redirect(`${pagePath(result.data.incidentId)}?created=1`);
  return result;
}

/**
 * Saves an edit of the postmortem, or moves it (`status`: in_review, draft, published). A
 * 409 carries the postmortem as it now is, as the incident form's does.
 */
export async function updatePostmortemAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const id = String(formData.get("id"));
  return saveVersioned(patchPostmortem, postmortemFormInput(withoutIncident(formData)), {
    reload: async (actor) => {
      const current = await runQuery(postmortemRead, actor, { id });
      return current.ok ? current.data : null;
    },
    revalidate: [
      pagePath(formData.get("incidentId")),
      `/incidents/${formData.get("incidentId")}`,
      "/incidents/postmortems",
    ],
  });
}

export async function approvePostmortemAction(_: ActionState, formData: FormData) {
  return runAction(approvePostmortem, withoutIncident(formData), {
    revalidate: [pagePath(formData.get("incidentId"))],
    success: (r) =>
      r.waiting ? `Approved; waiting for ${r.waiting} more.` : "Approved; it can be published.",
  });
}
