"use client";

import { useRef } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToastedAction } from "@/components/ui/use-toasted-action";
import { rotateWebhookSecretAction } from "@/lib/webhooks/actions";
import { SecretReveal } from "./secret-reveal";

/** Replaces the signing secret after asking; the new one is shown once, here. */
export function RotateSecretButton({ id }: { id: string }) {
  const form = useRef<HTMLFormElement>(null);
  const { state, dispatch } = useToastedAction(rotateWebhookSecretAction);
  return (
    <div className="grid gap-3">
      <form ref={form} action={dispatch}>
        <input type="hidden" name="id" value={id} />
        <ConfirmDialog
          title="Rotate the signing secret?"
          description="Deliveries are signed with the new secret from now on; the receiver must be given it, or it will refuse them."
          confirmLabel="Rotate secret"
          onConfirm={() => form.current?.requestSubmit()}
          trigger={
            <SubmitButton type="button" size="sm" variant="outline" data-testid="rotate-secret">
              Rotate secret
            </SubmitButton>
          }
        />
      </form>
      {state.ok && state.data ? (
        <SecretReveal secret={state.data.secret} title="New signing secret. Copy it now." />
      ) : null}
    </div>
  );
}
