"use client";

import { useActionState, useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { acceptSuggestionAction, dismissSuggestionAction } from "@/lib/incidents/problem-actions";

/**
 * Accepting opens a problem with the suggestion's incidents linked, under a title the person
 * may rewrite first (Pharos's own is descriptive, not a name); dismissing asks, as it is for good.
 */
export function SuggestionActions({ id, title }: { id: string; title: string }) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(acceptSuggestionAction, {});
  const err = state.fieldErrors ?? {};
  if (!open)
    return (
      <div className="flex flex-wrap gap-2 md:col-start-2 md:row-start-1 md:justify-end">
        <Button size="sm" variant="outline" onClick={() => setOpen(true)} data-testid="accept-suggestion">
          Accept as a problem
        </Button>
        <ActionButton
          action={dismissSuggestionAction}
          fields={{ id }}
          label="Dismiss"
          variant="ghost"
          testId="dismiss-suggestion"
          confirm={{
            title: "Dismiss this suggestion?",
            description:
              "Pharos will not suggest this group of incidents again, however it grows. The incidents stay as they are.",
          }}
        />
      </div>
    );
  return (
    <ActionForm
      action={action}
      className="grid gap-3 rounded-md border bg-muted/30 p-3 md:col-span-2"
      noValidate
    >
      <input type="hidden" name="id" value={id} />
      {err.title ? null : <FormMessage state={state} />}
      <Field
        id={`accept-title-${id}`}
        label="Problem title"
        error={err.title}
        hint="Name it by what keeps failing; the incidents are linked as they are."
      >
        {(p) => <Input {...p} name="title" defaultValue={title} maxLength={200} autoFocus />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton size="sm" pendingText="Opening…" data-testid="accept-confirm">
          Open the problem
        </SubmitButton>
        <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </ActionForm>
  );
}
