"use client";

import { useActionState, useEffect, useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { ACTION_PRIORITIES, ACTION_TYPES } from "@/db/schema/incidents";
import { createActionItemAction } from "@/lib/incidents/action-item-actions";
import { ACTION_PRIORITY_LABELS, ACTION_TYPE_LABELS } from "./action-item-labels";

/** Two weeks out: a sensible first due date that the person changes when it is not. */
const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** Raises an action item on the problem: what will be done, by whom, by when, and of which kind. */
export function ActionItemForm({ problemId, me }: { problemId: string; me: string }) {
  const [state, action] = useActionState(createActionItemAction, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const err = state.fieldErrors ?? {};
  return (
    <ActionForm ref={form} action={action} className="grid gap-3" noValidate data-testid="action-item-form">
      <input type="hidden" name="problemId" value={problemId} />
      <FormMessage state={state} />
      <Field id="ai-title" label="What will be done" error={err.title}>
        {(p) => (
          <Input
            {...p}
            name="title"
            maxLength={200}
            placeholder="e.g. Alert 21 days before a certificate expires"
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Field id="ai-owner" label="Owner (email)" error={err.owner} className="xl:col-span-2">
          {(p) => <Input {...p} name="owner" type="email" defaultValue={me} />}
        </Field>
        <Field id="ai-due" label="Due" error={err.dueOn}>
          {(p) => <Input {...p} name="dueOn" type="date" defaultValue={inTwoWeeks()} />}
        </Field>
        <Field id="ai-priority" label="Priority" error={err.priority}>
          {(p) => (
            <Select {...p} name="priority" defaultValue="p2">
              {ACTION_PRIORITIES.map((v) => (
                <option key={v} value={v}>
                  {ACTION_PRIORITY_LABELS[v]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="ai-type" label="Kind" error={err.type}>
          {(p) => (
            <Select {...p} name="type" defaultValue="prevent">
              {ACTION_TYPES.map((v) => (
                <option key={v} value={v}>
                  {ACTION_TYPE_LABELS[v]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id="ai-ticket"
          label="Ticket URL (optional)"
          error={err.ticketUrl}
          className="sm:col-span-1 xl:col-span-3"
        >
          {(p) => <Input {...p} name="ticketUrl" type="url" placeholder="https://…" />}
        </Field>
      </div>
      <div>
        <SubmitButton size="sm" data-testid="action-item-submit">
          Add action item
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
