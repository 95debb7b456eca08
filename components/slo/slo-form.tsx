"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { createSloAction, updateSloAction } from "@/lib/slo/actions";
import { FIELD_OF_ERROR } from "@/lib/slo/form-values";

export type SloFormValues = Record<string, string>;

const ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
];

/**
 * Define (mode "create", on `service`) or change an SLO. Targets are typed as percentages;
 * the window and budgeting fields show only what the chosen kind needs. On a refusal every
 * field keeps what was typed and shows its own message.
 */
export function SloForm({ mode, initial }: { mode: "create" | "edit"; initial: SloFormValues }) {
  const [state, action, pending] = useActionState(mode === "create" ? createSloAction : updateSloAction, {});
  const v = { ...initial, ...(state.values as SloFormValues | undefined) };
  const err: Record<string, string> = {};
  for (const [key, message] of Object.entries(state.fieldErrors ?? {}))
    err[FIELD_OF_ERROR[key] ?? key] ??= message;
  const [kind, setKind] = useState(v.sliKind ?? "ratio");
  const [windowType, setWindowType] = useState(v.windowType ?? "rolling");
  const [budgeting, setBudgeting] = useState(v.budgeting ?? "occurrences");
  const text = (
    name: string,
    label: string,
    props: { hint?: string; placeholder?: string; inputMode?: "decimal" | "numeric" } = {},
  ) => (
    <Field id={name} label={label} error={err[name]} hint={props.hint}>
      {(p) => (
        <Input
          {...p}
          name={name}
          defaultValue={v[name] ?? ""}
          placeholder={props.placeholder}
          inputMode={props.inputMode}
        />
      )}
    </Field>
  );
  return (
    <ActionForm action={action} className="grid gap-6" noValidate>
      <FormMessage state={state} />
      {mode === "create" ? (
        <input type="hidden" name="service" value={v.service} />
      ) : (
        <input type="hidden" name="id" value={v.id} />
      )}
      <fieldset className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Objective</legend>
        {text("name", "Name", { placeholder: "e.g. Checkout availability" })}
        {text("targetPercent", "Target (%)", {
          hint: "The share of good events (or slices) promised, e.g. 99.9. Below 100: the rest is the error budget.",
          placeholder: "99.9",
          inputMode: "decimal",
        })}
        <Field id="description" label="Description" error={err.description} className="sm:col-span-2">
          {(p) => <Textarea {...p} name="description" rows={2} defaultValue={v.description ?? ""} />}
        </Field>
      </fieldset>
      <fieldset className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Indicator</legend>
        <Field
          id="sliKind"
          label="SLI"
          error={err.sliKind}
          hint={
            kind === "latency"
              ? "Good events are requests faster than the threshold; your collector counts them."
              : "Good events over all events, e.g. requests without a server error."
          }
        >
          {(p) => (
            <Select {...p} name="sliKind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="ratio">Availability (good / total events)</option>
              <option value="latency">Latency (requests under a threshold)</option>
            </Select>
          )}
        </Field>
        {kind === "latency" ? (
          text("latencyThresholdMs", "Threshold (ms)", { placeholder: "300", inputMode: "numeric" })
        ) : (
          <span />
        )}
      </fieldset>
      <fieldset className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Window</legend>
        <Field id="windowType" label="Kind" error={err.windowType}>
          {(p) => (
            <Select
              {...p}
              name="windowType"
              value={windowType}
              onChange={(e) => setWindowType(e.target.value)}
            >
              <option value="rolling">Rolling (the last N days)</option>
              <option value="calendar">Calendar (this week, month or quarter)</option>
            </Select>
          )}
        </Field>
        {windowType === "rolling" ? (
          <Field id="windowDays" label="Length" error={err.windowDays}>
            {(p) => (
              <Select {...p} name="windowDays" defaultValue={v.windowDays ?? "30"}>
                {["7", "28", "30", "90"].map((d) => (
                  <option key={d} value={d}>
                    {d} days
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : (
          <>
            <Field id="calendarUnit" label="Period" error={err.calendarUnit}>
              {(p) => (
                <Select {...p} name="calendarUnit" defaultValue={v.calendarUnit ?? "month"}>
                  <option value="week">Week (from Monday)</option>
                  <option value="month">Month</option>
                  <option value="quarter">Quarter</option>
                </Select>
              )}
            </Field>
            <Field
              id="timeZone"
              label="Time zone"
              error={err.timeZone}
              hint="Periods start at local midnight here (an IANA name)."
            >
              {(p) => (
                <Input {...p} name="timeZone" list="slo-time-zones" defaultValue={v.timeZone ?? "UTC"} />
              )}
            </Field>
            <datalist id="slo-time-zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </fieldset>
      <fieldset className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Budgeting</legend>
        <Field
          id="budgeting"
          label="Method"
          error={err.budgeting}
          hint={
            budgeting === "timeslices"
              ? "The SLI is the share of good slices: a slice is good when its own ratio meets the slice target."
              : "Every event counts the same."
          }
        >
          {(p) => (
            <Select {...p} name="budgeting" value={budgeting} onChange={(e) => setBudgeting(e.target.value)}>
              <option value="occurrences">Occurrences</option>
              <option value="timeslices">Timeslices</option>
            </Select>
          )}
        </Field>
        {budgeting === "timeslices" ? (
          <>
            <Field id="sliceMinutes" label="Slice length" error={err.sliceMinutes}>
              {(p) => (
                <Select {...p} name="sliceMinutes" defaultValue={v.sliceMinutes ?? "5"}>
                  {["5", "10", "15", "20", "30", "60"].map((m) => (
                    <option key={m} value={m}>
                      {m} minutes
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {text("sliceTargetPercent", "Slice target (%)", { placeholder: "95", inputMode: "decimal" })}
          </>
        ) : null}
        {text("minEvents", "Alert guard (events)", {
          hint: "Burn-rate alerts need at least this many events in each window, so a quiet hour never pages.",
          placeholder: "50",
          inputMode: "numeric",
        })}
      </fieldset>
      <div>
        <SubmitButton pending={pending} pendingText="Saving…">
          {mode === "create" ? "Define SLO" : "Save as a new version"}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
