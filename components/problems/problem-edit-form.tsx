"use client";

import { useActionState, useRef, useState } from "react";
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

type Editable = Exclude<keyof ProblemFields, "version">;
const FIELDS: Editable[] = ["rootCause", "workaround", "title", "service", "owner", "description"];

/**
 * Edits the problem's analysis (root cause, workaround) and details. It is sent with the
 * version it was opened at: when someone saved in between, their version is shown beside
 * this edit and the person chooses to apply theirs on top — nothing is overwritten silently.
 */
export function ProblemEditForm({ id, problem }: { id: string; problem: ProblemFields }) {
  const [state, action] = useActionState(updateProblemAction, {});
  const form = useRef<HTMLFormElement>(null);
  // The page's version follows every save this tab makes; a rebase moves it to theirs.
  const [base, setBase] = useState<{ version: number; values: Record<string, string> } | null>(null);
  const version = Math.max(problem.version, base?.version ?? 0);
  const err = state.fieldErrors ?? {};
  const raw = (state.data as { current?: ProblemDetail | null } | undefined)?.current;
  const current = raw ? problemFields(raw) : null;
  const stale = state.ok === false && current && current.version !== version;
  const typed = (state.values ?? {}) as Record<string, string>;
  const mine = { ...problem, ...typed };
  const value = (key: Editable) => String(base?.values[key] ?? typed[key] ?? problem[key]);
  /** On top of theirs: a field this person left as it was takes their value; the others keep this edit. */
  const rebase = (theirs: ProblemFields) => {
    const live = Object.fromEntries(new FormData(form.current ?? undefined)) as Record<string, string>;
    const values = Object.fromEntries(
      FIELDS.map((k) => [k, (live[k] ?? problem[k]) === problem[k] ? theirs[k] : live[k]]),
    );
    setBase({ version: theirs.version, values });
  };
  return (
    <ActionForm ref={form} action={action} className="grid gap-4" noValidate data-testid="problem-edit-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={stale ? { ok: false, error: state.error } : state} />
      {stale && current ? (
        <ProblemConflict current={current} mine={mine} onRebase={() => rebase(current)} />
      ) : null}
      {/* Drawn again from the rebased values, so fields this person left alone show theirs. */}
      <div key={base?.version ?? 0} className="contents">
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
      </div>
      <div>
        <SubmitButton data-testid="problem-save">Save changes</SubmitButton>
      </div>
    </ActionForm>
  );
}
