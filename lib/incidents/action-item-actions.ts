"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { runQuery } from "@/lib/query/run";
import { createActionItem, patchActionItem } from "./action-item-commands";
import { actionItemRead } from "./action-item-reads";
import { saveVersioned } from "./versioned-action";

/** An action item shows on its postmortem or problem, the action item list and its owner's home. */
function revalidateItemPages() {
  revalidatePath("/incidents/[id]/postmortem", "page");
  revalidatePath("/problems/[id]", "page");
  revalidatePath("/action-items");
  revalidatePath("/");
}

export async function createActionItemAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(createActionItem, formInput(formData), { success: "Action item added." });
  if (result.ok) revalidateItemPages();
  return result;
}

export async function updateActionItemAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const id = String(formData.get("id"));
  const result = await saveVersioned(patchActionItem, formInput(formData), {
    reload: async (actor) => {
      const current = await runQuery(actionItemRead, actor, { id });
      return current.ok ? current.data : null;
    },
    revalidate: [],
  });
  if (result.ok) revalidateItemPages();
  return result;
}
