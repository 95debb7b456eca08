"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Icon } from "@/components/ui/icon";
import { suggestServicesAction } from "@/lib/catalog/suggest-action";

const DEBOUNCE_MS = 200;

/**
 * Affected services as removable chips, added by typing a name or slug (suggested from the
 * catalog as one types). Each chip submits `services[]`, so the form sends a list.
 */
export function ServicesPicker({
  defaultValue = [],
  error,
  label = "Affected services",
}: {
  defaultValue?: string[];
  error?: string;
  label?: string;
}) {
  const [chosen, setChosen] = useState<string[]>(defaultValue);
  const [text, setText] = useState("");
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
  const add = (slug: string) => {
    const s = slug.trim().toLowerCase();
    if (s && !chosen.includes(s)) setChosen([...chosen, s]);
    setText("");
  };
  return (
    <div className="grid gap-1.5">
      <label htmlFor="services-input" className="text-sm font-medium">
        {label}
      </label>
      <div
        className={`control flex min-h-10 flex-wrap items-center gap-1.5 ${error ? "border-destructive" : ""}`}
        data-testid="services-picker"
      >
        {chosen.map((slug) => (
          <span key={slug} className="badge badge-primary">
            <input type="hidden" name="services[]" value={slug} />
            {slug}
            <button
              type="button"
              aria-label={`Remove ${slug}`}
              onClick={() => setChosen(chosen.filter((c) => c !== slug))}
            >
              <Icon name="i-x" className="size-3" />
            </button>
          </span>
        ))}
        <input
          id="services-input"
          list="incident-service-slugs"
          className="min-w-32 flex-1 bg-transparent outline-none"
          placeholder={chosen.length ? "Add another" : "Type a service name or slug"}
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "services-error" : undefined}
          onChange={(e) => {
            const value = e.target.value;
            // Picking from the datalist fills the whole slug at once: take it as a choice.
            if ((suggestions.data ?? []).some((c) => c.slug === value)) add(value);
            else setText(value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === ",") {
              e.preventDefault();
              add(text);
            } else if (e.key === "Backspace" && !text && chosen.length) setChosen(chosen.slice(0, -1));
          }}
          onBlur={() => text.trim() && add(text)}
        />
      </div>
      <datalist id="incident-service-slugs">
        {(q ? (suggestions.data ?? []) : []).map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </datalist>
      {error ? (
        <p id="services-error" className="text-xs font-medium text-destructive" data-testid="error-services">
          {error}
        </p>
      ) : (
        <p className="text-xs text-muted-foreground">
          Enter or comma adds a service; Backspace removes the last.
        </p>
      )}
    </div>
  );
}
