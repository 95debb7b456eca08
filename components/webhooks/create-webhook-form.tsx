"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import Link from "@/components/ui/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { EventCheckboxes } from "./event-checkboxes";
import { SecretReveal } from "./secret-reveal";

/** Subscribes a URL; on success the secret is shown this once, above a fresh form. */
export function CreateWebhookForm({ events }: { events: { type: string; description: string }[] }) {
  const [state, action] = useActionState(createWebhookAction, {});
  const err = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const chosen = Array.isArray(v.events) ? v.events : v.events ? [v.events] : [];
  const text = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  return (
    <div className="grid gap-4">
      {state.ok && state.data ? (
        <div className="grid gap-2">
          <SecretReveal secret={state.data.secret} title="Webhook created. Copy its signing secret now." />
          <Link
            href={`/admin/webhooks/${state.data.id}`}
            className="text-sm text-primary underline-offset-4 hover:underline"
            data-testid="new-webhook-link"
          >
            Open the webhook to send a test
          </Link>
        </div>
      ) : null}
      <form action={action} className="grid gap-4" noValidate key={state.ok ? state.data?.id : "new"}>
        {state.ok ? null : <FormMessage state={state} />}
        <Field
          id="webhook-url"
          label="URL"
          error={err.url}
          hint="Where Pharos POSTs each event, e.g. https://hooks.example.com/pharos."
        >
          {(p) => <Input {...p} name="url" type="url" inputMode="url" defaultValue={text("url")} />}
        </Field>
        <Field
          id="webhook-description"
          label="Description"
          error={err.description}
          hint="Optional: who receives it and why."
        >
          {(p) => <Input {...p} name="description" defaultValue={text("description")} />}
        </Field>
        <EventCheckboxes events={events} chosen={chosen} error={err.events} idPrefix="new" />
        <div>
          <SubmitButton data-testid="create-webhook">Create webhook</SubmitButton>
        </div>
      </form>
    </div>
  );
}
