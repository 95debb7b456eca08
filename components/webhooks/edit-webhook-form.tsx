"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToastedAction } from "@/components/ui/use-toasted-action";
import { updateWebhookAction } from "@/lib/webhooks/actions";
import { EventCheckboxes } from "./event-checkboxes";

/** Changes a webhook's URL, description and events. */
export function EditWebhookForm({
  webhook,
  events,
}: {
  webhook: { id: string; url: string; description: string; events: string[] };
  events: { type: string; description: string }[];
}) {
  const { state, dispatch } = useToastedAction(updateWebhookAction);
  const err = state.fieldErrors ?? {};
  const v = state.ok === false ? (state.values ?? {}) : {};
  const text = (name: "url" | "description") =>
    typeof v[name] === "string" ? (v[name] as string) : webhook[name];
  const chosen = state.ok === false ? [v.events ?? []].flat() : webhook.events;
  return (
    <form action={dispatch} className="grid gap-4" noValidate>
      <input type="hidden" name="id" value={webhook.id} />
      {state.ok === false ? <FormMessage state={state} /> : null}
      <Field id="edit-url" label="URL" error={err.url}>
        {(p) => <Input {...p} name="url" type="url" inputMode="url" defaultValue={text("url")} />}
      </Field>
      <Field id="edit-description" label="Description" error={err.description}>
        {(p) => <Input {...p} name="description" defaultValue={text("description")} />}
      </Field>
      <EventCheckboxes events={events} chosen={chosen} error={err.events} idPrefix="edit" />
      <div>
        <SubmitButton variant="outline">Save changes</SubmitButton>
      </div>
    </form>
  );
}
