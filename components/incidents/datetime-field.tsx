"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";

/** "2026-12-04T10:05" in the browser's zone, for a datetime-local input. */
function localValue(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A date and time typed in the person's own zone and submitted as ISO-8601 UTC (the server
 * refuses times without a zone). Empty submits "", which means "not recorded".
 */
export function DateTimeField({
  name,
  label,
  defaultValue,
  error,
  hint,
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
  error?: string;
  hint?: string;
}) {
  const initial = localValue(defaultValue);
  const [local, setLocal] = useState(initial);
  // The input shows minutes; an untouched field sends the recorded time to the second, so
  // saving a form does not "correct" a time nobody changed.
  const iso =
    local === initial
      ? (defaultValue ?? "")
      : local && !Number.isNaN(new Date(local).getTime())
        ? new Date(local).toISOString()
        : "";
  return (
    <Field id={`${name}-local`} label={label} error={error} hint={hint}>
      {(p) => (
        <>
          <input
            {...p}
            type="datetime-local"
            className="control"
            value={local}
            onChange={(e) => setLocal(e.target.value)}
            data-testid={`time-${name}`}
          />
          <input type="hidden" name={name} value={iso} />
        </>
      )}
    </Field>
  );
}
