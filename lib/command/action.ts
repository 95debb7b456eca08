import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getActor } from "@/lib/auth/session";
import type { Command } from "./define";
import { executeCommand } from "./execute";
import type { FieldErrors } from "./result";

export { formInput } from "./form-input";

/** What a form's `useActionState` holds: the outcome, and the user's input to show again. */
export type ActionState<T = unknown> = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string | string[]>;
  data?: T;
};

/** The server-action door: the signed-in user runs the command; on success listed paths refresh. */
export async function runAction<S extends z.ZodType, R>(
  command: Command<S, R>,
  input: Record<string, unknown>,
  options: { revalidate?: string[]; success?: string | ((data: R) => string) } = {},
): Promise<ActionState<R>> {
  const result = await executeCommand(command, await getActor(), input);
  const values = Object.fromEntries(
    Object.entries(input).filter(
      ([k, v]) => !/password|confirm|token/i.test(k) && (typeof v === "string" || Array.isArray(v)),
    ),
  ) as Record<string, string | string[]>;
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  for (const path of options.revalidate ?? []) revalidatePath(path);
  const message = typeof options.success === "function" ? options.success(result.data) : options.success;
  return { ok: true, message, data: result.data };
}
