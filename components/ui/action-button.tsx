"use client";

import { useActionState } from "react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/command/action";
import { SubmitButton } from "./submit-button";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  confirm?: string;
  variant?: "default" | "destructive" | "outline" | "ghost";
  testId?: string;
};

/**
 * A one-click write (revoke, deactivate, remove) whose outcome is announced as a toast.
 * The toast is raised as soon as the action answers, because the write often removes
 * this very button from the page (a removed row) before an effect could run.
 */
export function ActionButton({ action, fields, label, confirm, variant = "outline", testId }: Props) {
  const [, formAction] = useActionState(async (state: ActionState, formData: FormData) => {
    const result = await action(state, formData);
    if (result.ok === false && result.error) toast.error(result.error);
    if (result.ok && result.message) toast.success(result.message);
    return result;
  }, {});
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton size="sm" variant={variant} data-testid={testId}>
        {label}
      </SubmitButton>
    </form>
  );
}
