"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { acceptInviteAction, type InviteState } from "@/lib/auth/actions";

export function InviteForm({ token }: { token: string }) {
  const [state, action] = useActionState<InviteState, FormData>(acceptInviteAction, {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.error && !Object.keys(err).some((k) => k === "password" || k === "confirm") ? (
        <p role="status" data-testid="form-error" className="text-sm font-medium text-destructive">
          {state.error}
        </p>
      ) : null}
      <Field id="password" label="New password" error={err.password} hint="At least 10 characters.">
        {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirm" label="Repeat the password" error={err.confirm}>
        {(p) => <Input {...p} name="confirm" type="password" autoComplete="new-password" />}
      </Field>
      <SubmitButton pendingText="Setting up…">Set password and sign in</SubmitButton>
    </form>
  );
}
