"use client";

import { useActionState, useEffect, useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { linkProblemIncidentsAction } from "@/lib/incidents/problem-actions";

/** Links more incidents by number ("INC-3, INC-7"); a refusal (unknown, linked elsewhere) names them. */
export function LinkIncidentsForm({ id }: { id: string }) {
  const [state, action] = useActionState(linkProblemIncidentsAction, {});
  const form = useRef<HTMLFormElement>(null);
  // A link made empties the box for the next; a refused one keeps what was typed.
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const error = state.fieldErrors?.incidents;
  return (
    <ActionForm
      ref={form}
      action={action}
      className="grid gap-2"
      noValidate
      data-testid="link-incidents-form"
    >
      <input type="hidden" name="id" value={id} />
      {error ? null : <FormMessage state={state} />}
      <label htmlFor="link-incidents" className="text-sm font-medium">
        Link more incidents
      </label>
      <div className="flex flex-wrap gap-2">
        <Input
          id="link-incidents"
          name="incidents"
          placeholder="INC-3, INC-7"
          className="w-auto min-w-0 flex-1 basis-48"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "link-incidents-error" : undefined}
        />
        <SubmitButton variant="outline" data-testid="link-incidents-submit">
          Link
        </SubmitButton>
      </div>
      {error ? (
        <p
          id="link-incidents-error"
          className="text-xs font-medium text-destructive"
          data-testid="error-link-incidents"
        >
          {error}
        </p>
      ) : null}
    </ActionForm>
  );
}
