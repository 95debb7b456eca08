"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { createProblemAction } from "@/lib/incidents/problem-actions";
import { ServiceField } from "./service-field";

/** Opens a problem: what keeps failing, where, who drives it, and the incidents it explains. */
export function ProblemCreateForm({ me, service }: { me: string; service: string }) {
  const [state, action] = useActionState(createProblemAction, {});
  const err = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const value = (name: string, fallback = "") => String(values[name] ?? fallback);
  return (
    <ActionForm action={action} className="grid gap-5" noValidate data-testid="problem-create-form">
      <FormMessage state={state} />
      <Field
        id="title"
        label="Title"
        error={err.title}
        hint="What keeps failing, e.g. “Certificates expire unnoticed”."
      >
        {(p) => <Input {...p} name="title" defaultValue={value("title")} autoFocus maxLength={200} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <ServiceField id="service" defaultValue={value("service", service)} error={err.service} />
        <Field
          id="owner"
          label="Owner (email)"
          error={err.owner}
          hint="Who drives it to a fix; you, unless you hand it on."
        >
          {(p) => <Input {...p} name="owner" type="email" defaultValue={value("owner", me)} />}
        </Field>
      </div>
      <Field
        id="incidents"
        label="Incidents to link"
        error={err.incidents}
        hint="Numbers separated by commas, e.g. INC-3, INC-7. You can link more later."
      >
        {(p) => (
          <Input {...p} name="incidents" defaultValue={value("incidents")} placeholder="INC-3, INC-7" />
        )}
      </Field>
      <Field
        id="description"
        label="Description"
        error={err.description}
        hint="What is known so far. Markdown."
      >
        {(p) => <Textarea {...p} name="description" rows={4} defaultValue={value("description")} />}
      </Field>
      <div>
        <SubmitButton pendingText="Opening…" data-testid="problem-create-submit">
          Open problem
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
