"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { registerLocationAction } from "@/lib/catalog/locations/location-actions";

/** Registers a catalog-info.yaml URL; the header value is a password field and never comes back. */
export function LocationForm() {
  const [state, action] = useActionState(registerLocationAction, {});
  const err = state.fieldErrors ?? {};
  const v = state.ok ? undefined : (state.values as Record<string, string> | undefined);
  return (
    <form
      action={action}
      className="grid grid-cols-[minmax(0,1fr)] gap-3"
      noValidate
      data-testid="location-form"
    >
      <FormMessage state={state} />
      <Field
        id="location-url"
        label="URL of a catalog-info.yaml"
        error={err.url}
        hint="https only: the raw file, not the page that shows it."
      >
        {(p) => (
          <Input
            {...p}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://git.example.com/acme/payments/raw/main/catalog-info.yaml"
            defaultValue={v?.url ?? ""}
            key={state.ok ? "sent" : "editing"}
          />
        )}
      </Field>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
        <Field
          id="location-header-name"
          label="Token header (optional)"
          error={err.headerName}
          hint="Sent with every fetch, such as Authorization or PRIVATE-TOKEN."
        >
          {(p) => (
            <Input
              {...p}
              name="headerName"
              autoComplete="off"
              placeholder="Authorization"
              defaultValue={v?.headerName ?? ""}
              key={state.ok ? "sent" : "editing"}
            />
          )}
        </Field>
        <Field
          id="location-header-value"
          label="Header value"
          error={err.headerValue}
          hint="Stored for the fetches; never shown again."
        >
          {(p) => (
            <Input
              {...p}
              name="headerValue"
              type="password"
              autoComplete="new-password"
              placeholder="Bearer …"
              key={state.ok ? "sent" : "editing"}
            />
          )}
        </Field>
      </div>
      <div>
        <SubmitButton pendingText="Registering…">Register location</SubmitButton>
      </div>
    </form>
  );
}
