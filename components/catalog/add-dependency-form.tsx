"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useActionState, useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { addDependencyAction } from "@/lib/catalog/actions";
import { suggestServicesAction } from "@/lib/catalog/suggest-action";

/** Quiet this long after the last key before suggestions are asked for. */
const DEBOUNCE_MS = 200;

/** Adds a dependency by slug, suggesting services (by name, slug or a near spelling) as the person types. */
export function AddDependencyForm({ service }: { service: string }) {
  const [state, action] = useActionState(addDependencyAction, {});
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const suggestions = useQuery({
    queryKey: ["service-suggest", service, q],
    queryFn: () => suggestServicesAction(q, service),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
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
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <SubmitButton variant="outline">Add</SubmitButton>
      </div>
      <datalist id="service-slugs" data-testid="dependency-suggestions">
        {(q ? (suggestions.data ?? []) : []).map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </datalist>
    </form>
  );
}
