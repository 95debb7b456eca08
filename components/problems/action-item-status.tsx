"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { ACTION_STATUSES, type ActionStatus } from "@/db/schema/incidents";
import { updateActionItemAction } from "@/lib/incidents/action-item-actions";
import { ACTION_STATUS_LABELS } from "./action-item-labels";

/**
 * An action item's status in one step: pick it and update. "Won't do" asks why in place; the
 * reason stays with the item. A stale version (someone changed it meanwhile) is said here.
 */
export function ActionItemStatus({
  id,
  version,
  status,
  title,
  reason,
}: {
  id: string;
  version: number;
  status: ActionStatus;
  title: string;
  reason: string | null;
}) {
  const [state, action] = useActionState(updateActionItemAction, {});
  const [chosen, setChosen] = useState<ActionStatus>(status);
  const err = state.fieldErrors ?? {};
  const message = err.wontDoReason ?? (state.ok === false ? state.error : null);
  return (
    <ActionForm action={action} className="grid gap-1.5" noValidate data-testid={`status-form-${id}`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap items-center gap-2">
        <Select
          name="status"
          value={chosen}
          onChange={(e) => setChosen(e.target.value as ActionStatus)}
          aria-label={`Status of “${title}”`}
          className="h-8 w-auto text-xs"
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        <SubmitButton size="sm" variant="outline" disabled={chosen === status && chosen !== "wont_do"}>
          Update
        </SubmitButton>
      </div>
      {chosen === "wont_do" ? (
        <Input
          name="wontDoReason"
          defaultValue={reason ?? ""}
          placeholder="Why it will not be done"
          aria-label={`Why “${title}” will not be done`}
          aria-invalid={err.wontDoReason ? true : undefined}
          maxLength={1000}
          className="h-8 text-xs"
        />
      ) : null}
      {message ? (
        <p className="text-xs font-medium text-destructive" role="status">
          {message}
        </p>
      ) : null}
    </ActionForm>
  );
}
