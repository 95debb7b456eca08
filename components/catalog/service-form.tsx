"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { LIFECYCLES, SERVICE_DOMAINS, TIERS } from "@/db/schema/enums";
import { createServiceAction, updateServiceAction } from "@/lib/catalog/actions";
import { LinksEditor } from "./links-editor";

/** What each tier means, shown under the tier the form has selected. */
const TIER_HINTS: Record<(typeof TIERS)[number], string> = {
  tier0: "Tier 0 · critical: an outage stops the business or breaks a promise to customers.",
  tier1: "Tier 1 · high: customers notice within minutes; a workaround may exist.",
  tier2: "Tier 2 · medium: degrades a feature or internal work; can wait for business hours.",
  tier3: "Tier 3 · low: experimental or internal convenience; best effort.",
};

export type ServiceFormValues = Record<string, string>;

/** Register (mode "create") or edit a service; on error every field keeps what was typed. */
export function ServiceForm({
  mode,
  initial,
  teams,
}: {
  mode: "create" | "edit";
  initial: ServiceFormValues;
  teams: { slug: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(
    mode === "create" ? createServiceAction : updateServiceAction,
    {},
  );
  const v = { ...initial, ...(state.values as ServiceFormValues | undefined) };
  const err = state.fieldErrors ?? {};
  const [tier, setTier] = useState<(typeof TIERS)[number]>((v.tier as (typeof TIERS)[number]) ?? "tier2");
  const text = (
    name: string,
    label: string,
    props: { hint?: string; type?: string; placeholder?: string } = {},
  ) => (
    <Field id={name} label={label} error={err[name]} hint={props.hint}>
      {(p) => (
        <Input
          {...p}
          name={name}
          type={props.type ?? "text"}
          defaultValue={v[name] ?? ""}
          placeholder={props.placeholder}
        />
      )}
    </Field>
  );
  return (
    <ActionForm action={action} className="grid gap-6" noValidate>
      <FormMessage state={state} />
      <fieldset className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Identity</legend>
        {mode === "create" ? (
          text("slug", "Slug", {
            hint: "Lowercase and hyphens; used in URLs and the API. Cannot change later.",
            placeholder: "e.g. gift-cards",
          })
        ) : (
          <input type="hidden" name="slug" value={v.slug} />
        )}
        {text("name", "Name", { placeholder: "e.g. Gift Cards" })}
        <Field id="ownerTeam" label="Owner team" error={err.ownerTeam}>
          {(p) => (
            <Select {...p} name="ownerTeam" defaultValue={v.ownerTeam ?? ""}>
              <option value="">Choose a team…</option>
              {teams.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="tier" label="Tier" error={err.tier} hint={TIER_HINTS[tier] ?? TIER_HINTS.tier2}>
          {(p) => (
            <Select
              {...p}
              name="tier"
              defaultValue={v.tier ?? "tier2"}
              onChange={(e) => setTier(e.target.value as (typeof TIERS)[number])}
            >
              {TIERS.map((t) => (
                <option key={t} value={t}>
                  {t.replace("tier", "Tier ")}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="lifecycle" label="Lifecycle" error={err.lifecycle}>
          {(p) => (
            <Select {...p} name="lifecycle" defaultValue={v.lifecycle ?? "production"}>
              {LIFECYCLES.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="domain" label="Domain" error={err.domain}>
          {(p) => (
            <Select {...p} name="domain" defaultValue={v.domain ?? "application"}>
              {SERVICE_DOMAINS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="description" label="Description" error={err.description} className="sm:col-span-2">
          {(p) => <Textarea {...p} name="description" rows={3} defaultValue={v.description ?? ""} />}
        </Field>
        {text("tags", "Tags", { hint: "Comma-separated, e.g. payments, pci." })}
        {text("system", "System", { hint: "Backstage System this belongs to (optional)." })}
      </fieldset>
      <fieldset className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Operations</legend>
        {text("onCall", "On-call rotation", { placeholder: "e.g. gift-cards-primary" })}
        {text("repoUrl", "Repository URL", { type: "url", placeholder: "https://git.example.com/team/repo" })}
        {text("runbookUrl", "Runbook URL", {
          type: "url",
          placeholder: "https://wiki.example.com/runbooks/…",
        })}
        {text("lastDrTestAt", "Last DR test", { type: "date" })}
        {text("rtoMinutes", "RTO (minutes)", { type: "number" })}
        {text("rpoMinutes", "RPO (minutes)", { type: "number" })}
        <LinksEditor value={v.links ?? ""} errors={err} />
      </fieldset>
      <div>
        <SubmitButton pending={pending} pendingText="Saving…">
          {mode === "create" ? "Register service" : "Save changes"}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
