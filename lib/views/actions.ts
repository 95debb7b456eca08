"use server";

import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { deleteView, saveView, setCatalogColumns } from "./view-commands";

export async function saveViewAction(_: ActionState, formData: FormData) {
  return runAction(saveView, formInput(formData), {
    revalidate: ["/services"],
    success: (v) => (v.teamId ? `Saved “${v.name}” and shared it with the team.` : `Saved “${v.name}”.`),
  });
}

export async function deleteViewAction(_: ActionState, formData: FormData) {
  return runAction(deleteView, formInput(formData), {
    revalidate: ["/services"],
    success: (v) => `Deleted the view “${v.name}”.`,
  });
}

export async function setCatalogColumnsAction(_: ActionState, formData: FormData) {
  return runAction(setCatalogColumns, formInput(formData), {
    revalidate: ["/services"],
    success: "Columns saved.",
  });
}
