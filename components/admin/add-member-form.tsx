"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { addTeamMemberAction } from "@/lib/admin/actions";

export function AddMemberForm({ team }: { team: string }) {
  const [state, action] = useActionState(addTeamMemberAction, {});
  const err = state.fieldErrors ?? {};
  const email = state.ok ? "" : typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <form action={action} className="grid gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="team" value={team} />
      <div className="flex flex-wrap items-end gap-2">
        <Field id="member-email" label="Add member by email" error={err.email} className="min-w-56 flex-1">
          {(p) => (
            <Input {...p} name="email" type="email" defaultValue={email} key={String(state.ok) + email} />
          )}
        </Field>
        <div className="grid gap-1.5">
          <label htmlFor="memberRole" className="text-sm font-medium">
            As
          </label>
          <Select id="memberRole" name="memberRole" defaultValue="member">
            <option value="member">Member</option>
            <option value="lead">Lead</option>
          </Select>
        </div>
        <SubmitButton>Add</SubmitButton>
      </div>
    </form>
  );
}
