import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import type { ActionState } from "@/lib/command/action";
import type { Command } from "@/lib/command/define";
import { executeCommand } from "@/lib/command/execute";

/**
 * Saves an edit made against a version, for a server action. When someone else saved first,
 * the state carries the record as it now is (`current`), so the form can show it beside the
 * person's own edit, as the incident form does.
 */
export async function saveVersioned<S extends z.ZodType, R extends { changed: string[] }>(
  command: Command<S, R>,
  input: Record<string, unknown>,
  options: { reload: (actor: Actor | null) => Promise<unknown>; revalidate: string[] },
): Promise<ActionState> {
  const actor = await getActor();
  const result = await executeCommand(command, actor, input);
  const values = Object.fromEntries(
    Object.entries(input).filter(
      ([, v]) => typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string")),
    ),
  ) as ActionState["values"];
  if (result.ok) {
    for (const path of options.revalidate) revalidatePath(path);
    return {
      ok: true,
      message: result.data.changed.length ? "Saved." : "Nothing changed.",
      data: result.data,
    };
  }
  const failed = { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  if (result.code === "conflict") return { ...failed, data: { current: await options.reload(actor) } };
  return failed;
}
