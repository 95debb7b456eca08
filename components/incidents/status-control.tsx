"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { IncidentStatus } from "@/db/schema/incidents";
import { updateIncidentAction } from "@/lib/incidents/actions";
import { NEXT_STATUSES } from "@/lib/incidents/lifecycle";
import { MOVE_LABELS } from "@/lib/incidents/present";

type Props = {
  id: string;
  version: number;
  status: IncidentStatus;
  acknowledged: boolean;
  cause: string | null;
};

/**
 * The next step of the incident, one click away: acknowledge, mitigate, resolve (with the
 * cause, which problem suggestions group on), close, or reopen. A duplicate names its original.
 */
export function StatusControl({ id, version, status, acknowledged, cause }: Props) {
  const [state, action] = useActionState(updateIncidentAction, {});
  const queryClient = useQueryClient();
  // This tab's own change reaches its banner at once, not at the next poll.
  useEffect(() => {
    if (state.ok) void queryClient.invalidateQueries({ queryKey: ["major-incidents"] });
  }, [state, queryClient]);
  const next = NEXT_STATUSES[status];
  const [to, setTo] = useState<IncidentStatus | null>(null);
  const err = state.fieldErrors ?? {};
  const conflict = state.ok === false && Boolean((state.data as { current?: unknown } | undefined)?.current);
  if (!next.length && acknowledged)
    return <p className="text-sm text-muted-foreground">This incident is {status}; nothing follows.</p>;
  return (
    <div className="grid gap-3">
      {/* A refusal about one field is said beside it; up here only what belongs to no field. */}
      {err.status || err.duplicateOf ? null : (
        <FormMessage state={conflict ? { ok: false, error: `${state.error} Reload to see it.` } : state} />
      )}
      {!acknowledged && status !== "cancelled" && status !== "duplicate" ? (
        <ActionForm action={action}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="acknowledgedAt" defaultValue="" />
          <SubmitButton
            variant="outline"
            size="sm"
            data-testid="acknowledge"
            // The moment of the click is the acknowledgement, not when the page was drawn.
            onClick={(e) => {
              const field = e.currentTarget.form?.elements.namedItem("acknowledgedAt");
              if (field instanceof HTMLInputElement) field.value = new Date().toISOString();
            }}
          >
            Acknowledge
          </SubmitButton>
        </ActionForm>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {next.map((s) => (
          <button
            key={s}
            type="button"
            className={`btn btn-sm ${to === s ? "" : "btn-outline"}`}
            aria-pressed={to === s}
            onClick={() => setTo(to === s ? null : s)}
            data-testid={`move-${s}`}
          >
            {MOVE_LABELS[s]}
          </button>
        ))}
      </div>
      {to ? (
        <ActionForm action={action} className="grid gap-2 rounded-md border p-3" noValidate>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="status" value={to} />
          {to === "resolved" ? (
            <label htmlFor={`cause-${id}`} className="grid gap-1 text-sm font-medium">
              Cause, in a few words (optional)
              <Input
                id={`cause-${id}`}
                name="cause"
                defaultValue={cause ?? ""}
                placeholder="e.g. expired certificate"
                maxLength={120}
              />
              <span className="text-xs font-normal text-muted-foreground">
                Incidents with the same cause on one service are suggested as a problem.
              </span>
            </label>
          ) : null}
          {to === "duplicate" ? (
            <label htmlFor={`duplicate-${id}`} className="grid gap-1 text-sm font-medium">
              Duplicate of
              <Input
                id={`duplicate-${id}`}
                name="duplicateOf"
                placeholder="INC-42"
                aria-invalid={err.duplicateOf ? true : undefined}
                data-testid="duplicate-of"
              />
              {err.duplicateOf ? <span className="text-xs text-destructive">{err.duplicateOf}</span> : null}
            </label>
          ) : null}
          {err.status ? (
            <p className="text-xs font-medium text-destructive" data-testid="error-status">
              {err.status}
            </p>
          ) : null}
          <div>
            <SubmitButton size="sm" data-testid="move-confirm">
              {MOVE_LABELS[to]}
            </SubmitButton>
          </div>
        </ActionForm>
      ) : null}
    </div>
  );
}
