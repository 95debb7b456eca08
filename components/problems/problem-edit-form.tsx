"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateProblemAction } from "@/lib/incidents/problem-actions";
import type { ProblemDetail } from "@/lib/incidents/problem-queries";
import { ProblemConflict } from "./problem-conflict";
import { type ProblemFields, problemFields } from "./problem-fields";
import { ServiceField } from "./service-field";

/**
 * Edits the problem's analysis (root cause, workaround) and details. It is sent with the
 * version it was opened at: when someone saved in between, their version is shown beside
 * this edit and the person chooses to apply theirs on top — nothing is overwritten silently.
 */
export function ProblemEditForm({ id, problem }: { id: string; problem: ProblemFields }) {
  const [state, action] = useActionState(updateProblemAction, {});
  // The page's version follows every save this tab makes; a rebase moves it to theirs.
  const [rebased, setRebased] = useState(0);
  const version = Math.max(problem.version, rebased);
  const err = state.fieldErrors ?? {};
  const raw = (state.data as { current?: ProblemDetail | null } | undefined)?.current;
  const current = raw ? problemFields(raw) : null;
  const stale = state.ok === false && current && current.version !== version;
  const typed = (state.values ?? {}) as Record<string, string>;
  const mine = { ...problem, ...typed };
  const value = (key: Exclude<keyof ProblemFields, "version">) => String(typed[key] ?? problem[key]);
  return (
    <ActionForm action={action} className="grid gap-4" noValidate data-testid="problem-edit-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={stale ? { ok: false, error: state.error } : state} />
      {stale && current ? (
        <ProblemConflict current={current} mine={mine} onRebase={() => setRebased(current.version)} />
      ) : null}
      <Field
        id="edit-rootCause"
        label="Root cause"
        error={err.rootCause}
        hint="Why the incidents happen. Markdown."
      >
        {(p) => <Textarea {...p} name="rootCause" rows={4} defaultValue={value("rootCause")} />}
      </Field>
      <Field
        id="edit-workaround"
        label="Workaround"
        error={err.workaround}
        hint="What a responder does until it is fixed. Markdown."
      >
        {(p) => <Textarea {...p} name="workaround" rows={3} defaultValue={value("workaround")} />}
      </Field>
      <Field id="edit-title" label="Title" error={err.title}>
        {(p) => <Input {...p} name="title" defaultValue={value("title")} maxLength={200} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <ServiceField id="edit-service" defaultValue={value("service")} error={err.service} hint="" />
        <Field id="edit-owner" label="Owner (email)" error={err.owner}>
          {(p) => <Input {...p} name="owner" type="email" defaultValue={value("owner")} />}
        </Field>
      </div>
      <Field id="edit-description" label="Description" error={err.description}>
        {(p) => <Textarea {...p} name="description" rows={3} defaultValue={value("description")} />}
      </Field>
      <div>
        <SubmitButton data-testid="problem-save">Save changes</SubmitButton>
      </div>
    </ActionForm>
  );
}
