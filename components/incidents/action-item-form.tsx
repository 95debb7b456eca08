"use client";

import { useActionState, useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { createActionItemAction } from "@/lib/incidents/action-item-actions";
import {
  ACTION_PRIORITY_LABELS,
  ACTION_TYPE_HINTS,
  ACTION_TYPE_LABELS,
} from "@/lib/incidents/postmortem-present";

type Props = {
  postmortemId: string;
  /** The signed-in person, the usual owner of what they write down. */
  me: string;
  services: { slug: string; name: string }[];
  defaultDueOn: string;
};

/** Raises an action item from the postmortem; a saved one clears the form for the next. */
export function ActionItemForm({ postmortemId, me, services, defaultDueOn }: Props) {
  const [state, action, pending] = useActionState(createActionItemAction, {});
  const [key, setKey] = useState(0);
  useEffect(() => {
    if (state.ok) setKey((k) => k + 1);
  }, [state]);
  const err = state.fieldErrors ?? {};
  return (
    <ActionForm action={action} className="grid gap-3" noValidate data-testid="action-item-form">
      <input type="hidden" name="postmortemId" value={postmortemId} />
      <FormMessage state={state} />
      <div key={key} className="grid gap-3">
        <Field id="ai-title" label="What will be done" error={err.title}>
          {(p) => (
            <Input
              {...p}
              name="title"
              maxLength={200}
              placeholder="Alert on certificate expiry 14 days ahead"
            />
          )}
        </Field>
        <div className="grid items-start gap-3 sm:grid-cols-2 xl:grid-cols-4">
          <Field id="ai-owner" label="Owner (email)" error={err.owner}>
            {(p) => <Input {...p} name="owner" type="email" defaultValue={me} />}
          </Field>
          <Field id="ai-due" label="Due" error={err.dueOn}>
            {(p) => <Input {...p} name="dueOn" type="date" defaultValue={defaultDueOn} />}
          </Field>
          <Field id="ai-type" label="Type" error={err.type}>
            {(p) => (
              <Select {...p} name="type" defaultValue="prevent">
                {Object.entries(ACTION_TYPE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}: {ACTION_TYPE_HINTS[value as keyof typeof ACTION_TYPE_HINTS]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="ai-priority" label="Priority" error={err.priority}>
            {(p) => (
              <Select {...p} name="priority" defaultValue="p2">
                {Object.entries(ACTION_PRIORITY_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="grid items-start gap-3 sm:grid-cols-2">
          <Field
            id="ai-service"
            label="Service"
            error={err.service}
            hint="Where the work is; its team sees it as theirs."
          >
            {(p) => (
              <Select {...p} name="service" defaultValue={services[0]?.slug ?? ""}>
                {services.length === 0 ? <option value="">None</option> : null}
                {services.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="ai-ticket" label="Ticket (optional)" error={err.ticketUrl}>
            {(p) => (
              <Input {...p} name="ticketUrl" type="url" placeholder="https://tracker.example.com/OPS-123" />
            )}
          </Field>
        </div>
      </div>
      <div>
        <SubmitButton size="sm" pending={pending} data-testid="action-item-add">
          Add action item
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
