"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { createTeamAction, updateTeamAction } from "@/lib/admin/actions";

type Team = { slug: string; name: string; description: string };

export function TeamForm({ mode, team }: { mode: "create" | "edit"; team?: Team }) {
  const [state, action] = useActionState(mode === "create" ? createTeamAction : updateTeamAction, {});
  const err = state.fieldErrors ?? {};
  // After a successful create the form starts empty again; after an error it keeps the input.
  const v = state.ok
    ? mode === "edit"
      ? team
      : undefined
    : ((state.values as Partial<Team> | undefined) ?? team);
  return (
    <form action={action} className="grid gap-3" noValidate>
      <FormMessage state={state} />
      {mode === "create" ? (
        <Field
          id="slug"
          label="Slug"
          error={err.slug}
          hint="Lowercase, used in URLs and the API (e.g. payments)."
        >
          {(p) => <Input {...p} name="slug" defaultValue={v?.slug ?? ""} />}
        </Field>
      ) : (
        <input type="hidden" name="slug" value={team?.slug} />
      )}
      <Field id="team-name" label="Name" error={err.name}>
        {(p) => <Input {...p} name="name" defaultValue={v?.name ?? ""} />}
      </Field>
      <Field id="description" label="Description" error={err.description}>
        {(p) => <Textarea {...p} name="description" rows={3} defaultValue={v?.description ?? ""} />}
      </Field>
      <div>
        <SubmitButton>{mode === "create" ? "Create team" : "Save team"}</SubmitButton>
      </div>
    </form>
  );
}
