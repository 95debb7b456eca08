"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { addAdjustmentAction } from "@/lib/slo/actions";

/** Exclude an interval (once, or repeating by an RRULE) from this SLO or every SLO of its service. */
export function AdjustmentForm({ sloId, serviceName }: { sloId: string; serviceName: string }) {
  const [state, action, pending] = useActionState(addAdjustmentAction, {});
  const err = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const value = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");
  return (
    <ActionForm action={action} className="grid gap-3" noValidate key={state.ok ? state.message : "form"}>
      <FormMessage state={state} />
      <input type="hidden" name="sloId" value={sloId} />
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2">
        <Field id="startsAt" label="Starts (UTC)" error={err.startsAt} hint="e.g. 2026-12-06T02:00Z">
          {(p) => (
            <Input {...p} name="startsAt" defaultValue={value("startsAt")} placeholder="2026-12-06T02:00Z" />
          )}
        </Field>
        <Field id="durationMinutes" label="Minutes" error={err.durationMinutes}>
          {(p) => (
            <Input
              {...p}
              name="durationMinutes"
              inputMode="numeric"
              defaultValue={value("durationMinutes") || "60"}
            />
          )}
        </Field>
        <Field id="scope" label="Applies to" error={err.scope}>
          {(p) => (
            <Select {...p} name="scope" defaultValue={value("scope") || "slo"}>
              <option value="slo">This SLO</option>
              <option value="service">Every SLO of {serviceName}</option>
            </Select>
          )}
        </Field>
        <Field
          id="rrule"
          label="Repeats (RRULE, optional)"
          error={err.rrule}
          hint="e.g. FREQ=WEEKLY;BYDAY=SU"
          className="sm:col-span-1"
        >
          {(p) => (
            <Input {...p} name="rrule" defaultValue={value("rrule")} placeholder="FREQ=WEEKLY;BYDAY=SU" />
          )}
        </Field>
        <Field id="reason" label="Reason" error={err.reason} className="sm:col-span-2">
          {(p) => (
            <Input
              {...p}
              name="reason"
              defaultValue={value("reason")}
              placeholder="Planned maintenance, change CHG-1234"
            />
          )}
        </Field>
      </div>
      <div>
        <SubmitButton pending={pending} pendingText="Excluding…" variant="outline">
          Exclude from the budget
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
