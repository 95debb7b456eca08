"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToastedAction } from "@/components/ui/use-toasted-action";
import { approvePostmortemAction } from "@/lib/incidents/postmortem-actions";

/**
 * A named reviewer approves the text as it reads now, with an optional word for its author.
 * The outcome is a toast: an approval removes this form from the page before it could say so.
 */
export function PostmortemApproveForm({ id, incidentId }: { id: string; incidentId: string }) {
  const { state, dispatch, pending } = useToastedAction(approvePostmortemAction);
  const err = state.fieldErrors ?? {};
  return (
    <ActionForm action={dispatch} className="grid gap-2" noValidate data-testid="approve-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <Field id="approve-comment" label="Comment (optional)" error={err.comment}>
        {(p) => (
          <Textarea
            {...p}
            name="comment"
            rows={2}
            maxLength={2000}
            placeholder="What you checked, or what to follow up"
          />
        )}
      </Field>
      <div>
        <SubmitButton size="sm" pending={pending} data-testid="approve">
          Approve
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
