"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { INCIDENT_TIMES, SEVERITIES } from "@/db/schema/incidents";
import { dateTime } from "@/lib/format";
import { updateIncidentAction } from "@/lib/incidents/actions";
import type { IncidentDetail } from "@/lib/incidents/detail";
import { TIME_LABELS } from "@/lib/incidents/lifecycle";
import { DateTimeField } from "./datetime-field";
import { ServicesPicker } from "./services-picker";

type Editable = Pick<
  IncidentDetail,
  "id" | "version" | "title" | "severity" | "services" | "description" | "commander" | "cause"
> &
  Record<(typeof INCIDENT_TIMES)[number], string | null>;

const SHOWN: { key: keyof Editable; label: string }[] = [
  { key: "title", label: "Title" },
  { key: "severity", label: "Severity" },
  { key: "services", label: "Services" },
  { key: "commander", label: "Commander" },
  { key: "cause", label: "Cause" },
  ...INCIDENT_TIMES.map((f) => ({ key: f, label: TIME_LABELS[f] })),
];

const show = (key: keyof Editable, v: unknown) =>
  v === null || v === undefined || v === ""
    ? "—"
    : INCIDENT_TIMES.includes(key as never)
      ? dateTime(String(v))
      : Array.isArray(v)
        ? v.join(", ")
        : String(v);

/**
 * Edits the incident's fields and corrects its times. It is sent with the version it was
 * opened at: when someone saved in between, their version is shown beside this edit, and
 * the person chooses to apply theirs on top of it — nothing is overwritten silently.
 */
export function IncidentEditForm({ incident }: { incident: Editable }) {
  const [state, action] = useActionState(updateIncidentAction, {});
  const [version, setVersion] = useState(incident.version);
  const err = state.fieldErrors ?? {};
  const current = (state.data as { current?: Editable | null } | undefined)?.current ?? null;
  const stale = state.ok === false && current && current.version !== version;
  const mine = (state.values ?? {}) as Record<string, string | string[]>;
  return (
    <ActionForm action={action} className="grid gap-4" noValidate data-testid="incident-edit-form">
      <input type="hidden" name="id" value={incident.id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={stale ? { ok: false, error: state.error } : state} />
      {stale && current ? (
        <div
          className="rounded-md border border-at-risk/50 bg-at-risk/10 p-3 text-sm"
          data-testid="conflict-panel"
          role="alert"
        >
          <p className="font-medium">
            Version {current.version} was saved while you edited. Theirs beside yours:
          </p>
          <table className="mt-2 w-full text-xs">
            <thead>
              <tr className="text-left text-muted-foreground">
                <th className="py-1 pr-2 font-medium">Field</th>
                <th className="py-1 pr-2 font-medium">Version {current.version}</th>
                <th className="py-1 font-medium">Your edit</th>
              </tr>
            </thead>
            <tbody>
              {SHOWN.filter(
                ({ key }) => show(key, current[key]) !== show(key, mine[key] ?? incident[key]),
              ).map(({ key, label }) => (
                <tr key={key} className="border-t">
                  <td className="py-1 pr-2">{label}</td>
                  <td className="py-1 pr-2">{show(key, current[key])}</td>
                  <td className="py-1">{show(key, mine[key] ?? incident[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="btn btn-sm btn-outline mt-2"
            onClick={() => setVersion(current.version)}
            data-testid="rebase-edit"
          >
            Keep my edit and apply it on top of version {current.version}
          </button>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field id="edit-title" label="Title" error={err.title}>
          {(p) => <Input {...p} name="title" defaultValue={incident.title} maxLength={200} />}
        </Field>
        <Field id="edit-severity" label="Severity" error={err.severity}>
          {(p) => (
            <Select {...p} name="severity" defaultValue={incident.severity}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s.toUpperCase()}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <ServicesPicker defaultValue={incident.services} error={err.services} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="edit-commander" label="Commander (email)" error={err.commander}>
          {(p) => <Input {...p} name="commander" type="email" defaultValue={incident.commander ?? ""} />}
        </Field>
        <Field id="edit-cause" label="Cause" error={err.cause} hint="A few words; problems group on it.">
          {(p) => <Input {...p} name="cause" defaultValue={incident.cause ?? ""} maxLength={120} />}
        </Field>
      </div>
      <Field id="edit-description" label="Description" error={err.description}>
        {(p) => <Textarea {...p} name="description" rows={3} defaultValue={incident.description} />}
      </Field>
      <fieldset className="grid gap-3">
        <legend className="text-sm font-medium">Times</legend>
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {INCIDENT_TIMES.map((f) => (
            <DateTimeField
              key={f}
              name={f}
              label={TIME_LABELS[f]}
              defaultValue={incident[f]}
              error={err[f]}
            />
          ))}
        </div>
      </fieldset>
      <Field
        id="edit-reason"
        label="Why are recorded times changing?"
        error={err.reason}
        hint="Needed when you correct a time; it goes on the timeline."
      >
        {(p) => <Input {...p} name="reason" maxLength={500} />}
      </Field>
      <div>
        <SubmitButton data-testid="incident-save">Save changes</SubmitButton>
      </div>
    </ActionForm>
  );
}
