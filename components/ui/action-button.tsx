"use client";

import { useRef } from "react";
import type { ActionState } from "@/lib/command/action";
import { ConfirmDialog, type ConfirmText } from "./confirm-dialog";
import { SubmitButton } from "./submit-button";
import { useToastedAction } from "./use-toasted-action";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  /** Asks first, in a dialog; the confirm button says `label` unless told otherwise. */
  confirm?: Omit<ConfirmText, "confirmLabel"> & { confirmLabel?: string };
  variant?: "default" | "destructive" | "outline" | "ghost";
  testId?: string;
};

/** A one-click write (revoke, deactivate, remove) whose outcome is announced as a toast. */
export function ActionButton({ action, fields, label, confirm, variant = "outline", testId }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const { dispatch } = useToastedAction(action);
  const button = (
    <SubmitButton size="sm" variant={variant} data-testid={testId} type={confirm ? "button" : "submit"}>
      {label}
    </SubmitButton>
  );
  return (
    <form ref={form} action={dispatch}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <ConfirmDialog
          {...confirm}
          confirmLabel={confirm.confirmLabel ?? label}
          trigger={button}
          // The dialog is portalled out of the form, so it submits the form rather than being in it.
          onConfirm={() => form.current?.requestSubmit()}
        />
      ) : (
        button
      )}
    </form>
  );
}
