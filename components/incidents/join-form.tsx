"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { INCIDENT_ROLES } from "@/db/schema/incidents";
import { joinIncidentAction } from "@/lib/incidents/actions";
import { ROLE_LABELS } from "@/lib/incidents/present";

/** Seats a person (oneself by default) in a role; a new commander takes over command. */
export function JoinForm({ id, me }: { id: string; me: string }) {
  const [state, action] = useActionState(joinIncidentAction, {});
  const err = state.fieldErrors ?? {};
  return (
    <ActionForm action={action} className="grid gap-2 border-t pt-3" noValidate data-testid="join-form">
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <div className="grid gap-2">
        <Input
          name="person"
          type="email"
          defaultValue={me}
          aria-label="Person (email)"
          aria-invalid={err.person ? true : undefined}
        />
        <Select name="role" defaultValue="responder" aria-label="Role">
          {INCIDENT_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
      </div>
      {err.person ? <p className="text-xs font-medium text-destructive">{err.person}</p> : null}
      <div>
        <SubmitButton size="sm" variant="outline" data-testid="join-submit">
          Join
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
