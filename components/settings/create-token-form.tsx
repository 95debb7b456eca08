"use client";

import { Copy } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TokenScope } from "@/lib/auth/permissions";
import { type ScopeOption, scopeChoices } from "@/lib/auth/scope-choices";
import { createTokenAction } from "@/lib/auth/token-actions";

/**
 * Makes a token for the signed-in person, or — with `owner` — one an admin mints for someone
 * else. `offeredScopes` are what the owner's role can use; the server refuses anything more.
 */
export function CreateTokenForm({
  offeredScopes,
  owner,
}: {
  offeredScopes: readonly TokenScope[];
  owner?: { id: string; name: string; email: string };
}) {
  const [state, action] = useActionState(createTokenAction, {});
  const err = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const chosen = Array.isArray(v.scopes) ? v.scopes : v.scopes ? [v.scopes] : ["read"];
  const choices = scopeChoices(offeredScopes);
  const scopeError = err.scopes ?? Object.entries(err).find(([k]) => k.startsWith("scopes."))?.[1];
  const box = (o: ScopeOption, extra: { "aria-label"?: string; "aria-describedby"?: string } = {}) => (
    <input
      type="checkbox"
      id={`scope-${o.scope}`}
      name="scopes[]"
      value={o.scope}
      defaultChecked={chosen.includes(o.scope)}
      className="mt-0.5 size-4 shrink-0 accent-primary"
      data-testid={`scope-${o.scope}`}
      {...extra}
    />
  );
  const described = (o: ScopeOption) => (
    <div key={o.scope} className="flex items-start gap-2 text-sm">
      {box(o, { "aria-describedby": `scope-${o.scope}-hint` })}
      <div>
        <label htmlFor={`scope-${o.scope}`} className="font-medium">
          {o.label}
        </label>
        <p id={`scope-${o.scope}-hint`} className="text-xs text-muted-foreground">
          {o.hint}
        </p>
      </div>
    </div>
  );
  return (
    <div className="grid gap-4">
      {state.ok && state.data ? (
        <div
          className="rounded-md border border-at-risk/40 bg-at-risk/10 p-3 text-sm"
          data-testid="new-token"
        >
          <p className="mb-2 font-medium">
            Copy “{state.data.name}” now — it will not be shown again
            {owner ? `. Pass it on to ${owner.name} safely.` : "."}
          </p>
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
      <form action={action} className="grid gap-4" noValidate>
        {state.ok ? null : <FormMessage state={state} />}
        {owner ? <input type="hidden" name="userId" value={owner.id} /> : null}
        <Field id="token-name" label="Name" error={err.name} hint="What uses it, e.g. ci-deploy.">
          {(p) => <Input {...p} name="name" defaultValue={typeof v.name === "string" ? v.name : ""} />}
        </Field>
        <fieldset
          className="grid min-w-0 gap-3"
          aria-describedby={scopeError ? "scopes-hint scopes-error" : "scopes-hint"}
        >
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          <p id="scopes-hint" className="text-xs text-muted-foreground">
            The token acts as {owner ? owner.name : "you"} and never does more than {owner ? "their" : "your"}{" "}
            role allows. Give it the least it needs.
          </p>
          {choices.shorthands.length ? (
            <div className="grid gap-2">
              <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
                Across Pharos
              </p>
              {choices.shorthands.map(described)}
            </div>
          ) : null}
          {choices.resources.length ? (
            <div className="grid gap-1">
              <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Or per area</p>
              <div className="divide-y rounded-md border">
                {choices.resources.map((row) => (
                  <div key={row.resource} className="flex items-center gap-3 px-2.5 py-2 text-sm">
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{row.label}</span>
                      <span className="block text-xs text-muted-foreground">{row.hint}</span>
                    </span>
                    {[row.read, row.write].map((o, i) =>
                      o ? (
                        <span
                          key={o.scope}
                          className="flex shrink-0 items-center gap-1.5 text-xs"
                          title={o.hint}
                        >
                          {box(o, { "aria-label": `${row.label}: ${o.label.toLowerCase()}` })}
                          <label htmlFor={`scope-${o.scope}`} aria-hidden>
                            {i === 0 ? "Read" : "Write"}
                          </label>
                        </span>
                      ) : (
                        <span key={i === 0 ? "no-read" : "no-write"} className="w-[3.25rem] shrink-0" />
                      ),
                    )}
                  </div>
                ))}
              </div>
              {choices.resources.some((r) => r.write) ? (
                <p className="text-xs text-muted-foreground">Write includes read.</p>
              ) : null}
            </div>
          ) : null}
          {choices.narrow.length ? (
            <div className="grid gap-2">
              <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">For CI</p>
              {choices.narrow.map(described)}
            </div>
          ) : null}
          {scopeError ? (
            <p id="scopes-error" className="text-xs font-medium text-destructive" data-testid="error-scopes">
              {scopeError}
            </p>
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
