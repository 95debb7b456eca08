"use client";

import { Copy } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { createTokenAction } from "@/lib/auth/token-actions";

const SCOPES = [
  { value: "read", label: "read — read everything your role can read" },
  { value: "write", label: "write — also create and change things" },
  { value: "admin", label: "admin — also manage tokens and users (admins only)" },
];

export function CreateTokenForm() {
  const [state, action] = useActionState(createTokenAction, {});
  const err = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const chosen = Array.isArray(v.scopes) ? v.scopes : v.scopes ? [v.scopes] : ["read"];
  return (
    <div className="grid gap-4">
      {state.ok && state.data ? (
        <div
          className="rounded-md border border-at-risk/40 bg-at-risk/10 p-3 text-sm"
          data-testid="new-token"
        >
          <p className="mb-2 font-medium">Copy “{state.data.name}” now — it will not be shown again.</p>
          <div className="flex items-center gap-2">
            <code
              className="min-w-0 flex-1 break-all rounded bg-card px-2 py-1 text-xs"
              data-testid="new-token-value"
            >
              {state.data.token}
            </code>
            <Button
              type="button"
              size="sm"
              variant="outline"
              onClick={() => navigator.clipboard.writeText(state.data!.token)}
              aria-label="Copy token"
            >
              <Copy aria-hidden />
            </Button>
          </div>
        </div>
      ) : null}
      <form action={action} className="grid gap-3" noValidate>
        {state.ok ? null : <FormMessage state={state} />}
        <Field id="token-name" label="Name" error={err.name} hint="What uses it, e.g. ci-deploy.">
          {(p) => <Input {...p} name="name" defaultValue={typeof v.name === "string" ? v.name : ""} />}
        </Field>
        <fieldset className="grid gap-1">
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.value} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes[]"
                value={s.value}
                defaultChecked={chosen.includes(s.value)}
                className="mt-0.5 size-4"
              />
              {s.label}
            </label>
          ))}
          {err.scopes || err["scopes.0"] ? (
            <p className="text-xs font-medium text-destructive">{err.scopes ?? err["scopes.0"]}</p>
          ) : null}
        </fieldset>
        <Field id="expiresIn" label="Expires in" error={err.expiresIn}>
          {(p) => (
            <Select
              {...p}
              name="expiresIn"
              defaultValue={typeof v.expiresIn === "string" ? v.expiresIn : "30d"}
            >
              <option value="7d">7 days</option>
              <option value="30d">30 days</option>
              <option value="90d">90 days</option>
              <option value="365d">1 year</option>
            </Select>
          )}
        </Field>
        <div>
          <SubmitButton>Create token</SubmitButton>
        </div>
      </form>
    </div>
  );
}
