"use client";

import { startTransition, useActionState } from "react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/command/action";

/**
 * A server action whose outcome is announced as a toast. The toast is raised as soon as the
 * action answers, because the write often removes the control that ran it (a removed row, a
 * closed menu) before an effect could run. `run` sends fields without a form, as a menu item does.
 */
export function useToastedAction<T>(
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>,
) {
  const [state, dispatch, pending] = useActionState<ActionState<T>, FormData>(
    async (previous: ActionState<T>, formData: FormData) => {
      const result = await action(previous, formData);
      if (result.ok === false && result.error) toast.error(result.error);
      if (result.ok && result.message) toast.success(result.message);
      return result;
    },
    {},
  );
  const run = (fields: Record<string, string>) => {
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.set(name, value);
    startTransition(() => dispatch(formData));
  };
  return { state, dispatch, run, pending };
}
