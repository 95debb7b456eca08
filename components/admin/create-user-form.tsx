"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import Link from "@/components/ui/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLES } from "@/db/schema/enums";
import { createUserAction } from "@/lib/admin/actions";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { InviteLink } from "./invite-link";

export function CreateUserForm({ teams }: { teams: { slug: string; name: string }[] }) {
  const [state, action] = useActionState(createUserAction, {});
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const chosenTeams = Array.isArray(v.teams) ? v.teams : v.teams ? [v.teams] : [];
  if (state.ok && state.data) {
    return (
      <div className="grid gap-4">
        <FormMessage state={state} />
        {state.data.inviteToken ? <InviteLink token={state.data.inviteToken} /> : null}
        <div className="flex gap-4 text-sm">
          <Link className="text-primary underline" href="/admin/users">
            Back to users
          </Link>
          <a className="text-primary underline" href="/admin/users/new">
            Invite another
          </a>
        </div>
      </div>
    );
  }
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" error={err.name}>
          {(p) => <Input {...p} name="name" defaultValue={str(v.name)} autoComplete="off" />}
        </Field>
        <Field id="email" label="Email" error={err.email}>
          {(p) => <Input {...p} name="email" type="email" defaultValue={str(v.email)} autoComplete="off" />}
        </Field>
      </div>
      <Field
        id="role"
        label="Role"
        error={err.role}
        hint="Engineers edit their teams' services; change managers also approve changes."
      >
        {(p) => (
          <Select {...p} name="role" defaultValue={str(v.role) || "engineer"}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <fieldset className="grid gap-1.5">
        <legend className="mb-1 text-sm font-medium">Teams</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {teams.map((t) => (
            <label key={t.slug} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="teams[]"
                value={t.slug}
                defaultChecked={chosenTeams.includes(t.slug)}
                className="size-4"
              />
              {t.name}
            </label>
          ))}
        </div>
        {err.teams ? <p className="text-xs font-medium text-destructive">{err.teams}</p> : null}
      </fieldset>
      <Field
        id="password"
        label="Initial password (optional)"
        error={err.password}
        hint="At least 10 characters. Empty: the person gets an invite link."
      >
        {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <div>
        <SubmitButton pendingText="Creating…">Create user</SubmitButton>
      </div>
    </form>
  );
}

function str(v: string | string[] | undefined) {
  return typeof v === "string" ? v : "";
}
