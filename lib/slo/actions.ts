"use server";

import { redirect } from "next/navigation";
import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { addAdjustment, removeAdjustment } from "./adjustment-commands";
import { sloFormInput } from "./form-values";
import { createSlo, patchSlo } from "./slo-commands";

export async function createSloAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(createSlo, sloFormInput(formInput(formData), "create"), {
    revalidate: ["/slos"],
  });
  if (result.ok && result.data) redirect(`/slos/${result.data.id}?created=1`);
  return { ...result, values: formValues(formData) };
}

export async function updateSloAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(patchSlo, sloFormInput(formInput(formData), "patch"), {
    revalidate: ["/slos"],
  });
  if (result.ok && result.data) redirect(`/slos/${result.data.id}?saved=1`);
  return { ...result, values: formValues(formData) };
}

export async function addAdjustmentAction(_: ActionState, formData: FormData) {
  return runAction(addAdjustment, formInput(formData), {
    revalidate: [`/slos/${formData.get("sloId")}`],
    success: "Excluded. Status, burn rates and charts no longer count that time.",
  });
}

export async function removeAdjustmentAction(_: ActionState, formData: FormData) {
  return runAction(removeAdjustment, formInput(formData), {
    revalidate: [`/slos/${formData.get("sloId")}`],
    success: "Removed. That time counts against the budget again.",
  });
}

/** The form's own fields, to show again after a refusal. */
function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}
