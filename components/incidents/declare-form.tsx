"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { SEVERITIES, type Severity } from "@/db/schema/incidents";
import { declareIncidentAction } from "@/lib/incidents/actions";
import { SEVERITY_HINTS } from "@/lib/incidents/present";
import { DateTimeField } from "./datetime-field";
import { ServicesPicker } from "./services-picker";

/**
 * Declaring is the first thing a responder does under pressure: title, severity and
 * services are enough, everything else has a sensible default and can be filled in later.
 */
export function DeclareForm({ me, service }: { me: string; service: string | null }) {
  const [state, action] = useActionState(declareIncidentAction, {});
  const err = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const [severity, setSeverity] = useState<Severity>((values.severity as Severity) ?? "sev3");
  const chosen = values.services ? ([] as string[]).concat(values.services) : service ? [service] : [];
  return (
    <ActionForm action={action} className="grid gap-5" noValidate>
      <FormMessage state={state} />
      <Field
        id="title"
        label="What is happening?"
        error={err.title}
        hint="What users see, e.g. “Checkout errors in EU”."
      >
        {(p) => (
          <Input {...p} name="title" defaultValue={String(values.title ?? "")} autoFocus maxLength={200} />
        )}
      </Field>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Severity</legend>
        <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
          {SEVERITIES.map((s) => (
            <label
              key={s}
              className={`card flex cursor-pointer gap-2 p-3 text-sm ${severity === s ? "ring-2 ring-ring" : ""}`}
            >
              <input
                type="radio"
                name="severity"
                value={s}
                checked={severity === s}
                onChange={() => setSeverity(s)}
                className="mt-0.5"
              />
              <span>
                <span className={`badge sev sev-${s}`}>{s.toUpperCase()}</span>
                <span className="mt-1 block text-xs text-muted-foreground">{SEVERITY_HINTS[s]}</span>
              </span>
            </label>
          ))}
        </div>
        {err.severity ? <p className="text-xs font-medium text-destructive">{err.severity}</p> : null}
      </fieldset>
      <ServicesPicker defaultValue={chosen} error={err.services} />
      <Field
        id="commander"
        label="Incident commander (email)"
        error={err.commander}
        hint="You, unless someone else takes command."
      >
        {(p) => <Input {...p} name="commander" type="email" defaultValue={String(values.commander ?? me)} />}
      </Field>
      <Field id="description" label="What do we know so far?" error={err.description}>
        {(p) => (
          <Textarea {...p} name="description" rows={4} defaultValue={String(values.description ?? "")} />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <DateTimeField
          name="impactStartedAt"
          label="Impact started (if known)"
          defaultValue={values.impactStartedAt as string}
          error={err.impactStartedAt}
        />
        <DateTimeField
          name="detectedAt"
          label="Detected"
          defaultValue={values.detectedAt as string}
          error={err.detectedAt}
        />
      </div>
      <details className="rounded-md border p-3">
        <summary className="cursor-pointer text-sm font-medium">
          Back-filling an incident declared elsewhere?
        </summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <DateTimeField
            name="declaredAt"
            label="Declared"
            hint="Now, when left empty."
            defaultValue={values.declaredAt as string}
            error={err.declaredAt}
          />
          <DateTimeField
            name="acknowledgedAt"
            label="Acknowledged"
            defaultValue={values.acknowledgedAt as string}
            error={err.acknowledgedAt}
          />
        </div>
      </details>
      <div>
        <SubmitButton pendingText="Declaring…" data-testid="declare-submit">
          Declare incident
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
