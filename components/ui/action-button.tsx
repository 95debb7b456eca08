"use client";

import { useActionState, useEffect, useRef } from "react";
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

/** A one-click write (revoke, deactivate, remove) whose outcome is announced as a toast. */
export function ActionButton({ action, fields, label, confirm, variant = "outline", testId }: Props) {
  const [state, formAction] = useActionState(action, {});
  const shown = useRef<ActionState | null>(null);
  useEffect(() => {
    if (shown.current === state) return;
    shown.current = state;
    if (state.ok === false && state.error) toast.error(state.error);
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);
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
