"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { suggestServicesAction } from "@/lib/catalog/suggest-action";

const DEBOUNCE_MS = 200;

/** One service by slug, suggested from the catalog as one types (a problem lives on one service). */
export function ServiceField({
  id,
  defaultValue,
  error,
  label = "Service",
  hint,
}: {
  id: string;
  defaultValue: string;
  error?: string;
  label?: string;
  hint?: string;
}) {
  const [text, setText] = useState(defaultValue);
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const suggestions = useQuery({
    queryKey: ["service-suggest", "", q],
    queryFn: () => suggestServicesAction(q, ""),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return (
    <Field
      id={id}
      label={label}
      error={error}
      hint={hint ?? "Where the cause lives; type a name to pick its slug."}
    >
      {(p) => (
        <>
          <Input
            {...p}
            name="service"
            list={`${id}-slugs`}
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <datalist id={`${id}-slugs`}>
            {(q ? (suggestions.data ?? []) : []).map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
