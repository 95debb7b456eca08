"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { addDependencyAction } from "@/lib/catalog/actions";

export function AddDependencyForm({
  service,
  candidates,
}: {
  service: string;
  candidates: { slug: string; name: string }[];
}) {
  const [state, action] = useActionState(addDependencyAction, {});
  return (
    <form action={action} className="grid gap-2" noValidate>
      <input type="hidden" name="slug" value={service} />
      <FormMessage state={state} />
      <div className="flex flex-wrap items-end gap-2">
        <Field
          id="dependsOn"
          label="Add a dependency (service slug)"
          error={state.fieldErrors?.dependsOn}
          className="min-w-56 flex-1"
        >
          {(p) => (
            <Input
              {...p}
              name="dependsOn"
              list="service-slugs"
              placeholder="Start typing a name or slug"
              autoComplete="off"
            />
          )}
        </Field>
        <SubmitButton variant="outline">Add</SubmitButton>
      </div>
      <datalist id="service-slugs">
        {candidates.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </datalist>
    </form>
  );
}
