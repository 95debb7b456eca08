"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { createPostmortemAction } from "@/lib/incidents/postmortem-actions";
import { MarkdownField } from "./markdown-field";

type Props = {
  incidentId: string;
  draft: { impact: string; dueOn: string | null };
  impactHelp: string;
  people: string[];
};

/**
 * Starts the postmortem from what the incident already recorded: the impact drafted from
 * its services and duration, and the due day (five working days after resolution for a
 * sev1 or sev2). Every other section is written once it exists; the timeline is not copied.
 */
export function PostmortemStartForm({ incidentId, draft, impactHelp, people }: Props) {
  const [state, action] = useActionState(createPostmortemAction, {});
  const err = state.fieldErrors ?? {};
  return (
    <ActionForm action={action} className="grid gap-4" noValidate data-testid="postmortem-start-form">
      <input type="hidden" name="incidentId" value={incidentId} />
      <FormMessage state={state} />
      <MarkdownField
        name="impact"
        label="Impact"
        help={impactHelp}
        defaultValue={draft.impact}
        people={people}
        error={err.impact}
        rows={4}
      />
      <div className="grid items-start gap-4 sm:grid-cols-[12rem_1fr]">
        <Field
          id="start-due"
          label="Due"
          error={err.dueOn}
          hint={draft.dueOn ? "Five working days after resolution." : "Optional for a sev3 or sev4."}
        >
          {(p) => <Input {...p} name="dueOn" type="date" defaultValue={draft.dueOn ?? ""} />}
        </Field>
        <Field
          id="start-reviewers"
          label="Reviewers (emails)"
          error={err.reviewers}
          hint="Optional now; needed before it goes for review. Separate with commas."
        >
          {(p) => <Input {...p} name="reviewers" placeholder="ada@example.com, lin@example.com" />}
        </Field>
      </div>
      <div>
        <SubmitButton data-testid="postmortem-start" pendingText="Starting…">
          Start the postmortem
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
