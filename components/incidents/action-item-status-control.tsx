"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useState } from "react";
import { Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionStatus } from "@/db/schema/incidents";
import { updateActionItemAction } from "@/lib/incidents/action-item-actions";

/** The next steps of an action item, in the words of a to-do list. */
const MOVES: Record<ActionStatus, { to: ActionStatus; label: string }[]> = {
  open: [
    { to: "in_progress", label: "Start" },
    { to: "done", label: "Done" },
  ],
  in_progress: [
    { to: "done", label: "Done" },
    { to: "open", label: "Stop" },
  ],
  done: [{ to: "open", label: "Reopen" }],
  wont_do: [{ to: "open", label: "Reopen" }],
};

/**
 * One-click status changes for an action item, sent with the version it was drawn at.
 * "Won't do" asks for the reason first, in a small form beside the item; when someone
 * changed the item in between, the list is reloaded so the person sees what it is now.
 */
export function ActionItemStatusControl({
  id,
  version,
  status,
  title,
}: {
  id: string;
  version: number;
  status: ActionStatus;
  title: string;
}) {
  const [state, dispatch, pending] = useActionState(updateActionItemAction, {});
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState<ActionStatus | null>(null);
  const router = useRouter();
  const conflict = state.ok === false && Boolean((state.data as { current?: unknown } | undefined)?.current);
  useEffect(() => {
    if (conflict) router.refresh();
    if (state.ok) setAsking(false);
  }, [state, conflict, router]);
  const send = (to: ActionStatus, reason?: string) => {
    const fd = new FormData();
    fd.set("id", id);
    fd.set("version", String(version));
    fd.set("status", to);
    if (reason !== undefined) fd.set("wontDoReason", reason);
    setSent(to);
    startTransition(() => dispatch(fd));
  };
  const reasonError = state.fieldErrors?.wontDoReason;
  const reasonId = `wont-${id}`;
  return (
    <div className="ai-control" data-testid="action-item-control">
      <div className="flex flex-wrap gap-1.5">
        {MOVES[status].map((m) => (
          <SubmitButton
            key={m.to}
            type="button"
            size="sm"
            variant="outline"
            pending={pending && sent === m.to}
            disabled={pending}
            onClick={() => send(m.to)}
            aria-label={`${m.label}: ${title}`}
            data-testid={`action-${m.to}`}
          >
            {m.label}
          </SubmitButton>
        ))}
        {status === "open" || status === "in_progress" ? (
          <button
            type="button"
            className={`btn btn-sm ${asking ? "" : "btn-ghost"}`}
            aria-expanded={asking}
            aria-controls={`${reasonId}-form`}
            aria-label={`Won't do: ${title}`}
            onClick={() => setAsking(!asking)}
            data-testid="action-wont-do"
          >
            Won't do
          </button>
        ) : null}
      </div>
      {asking ? (
        <form
          id={`${reasonId}-form`}
          className="grid w-full gap-1.5 rounded-md border p-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            send("wont_do", String(new FormData(e.currentTarget).get("wontDoReason") ?? ""));
          }}
        >
          <label htmlFor={reasonId} className="text-xs font-medium">
            Why won't it be done?
          </label>
          <Textarea
            id={reasonId}
            name="wontDoReason"
            rows={2}
            maxLength={1000}
            placeholder="e.g. the service is being retired this quarter"
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            className="min-h-14 text-xs"
          />
          {reasonError ? (
            <p
              id={`${reasonId}-error`}
              className="text-xs font-medium text-destructive"
              data-testid="error-wont-do"
            >
              {reasonError}
            </p>
          ) : null}
          <div>
            <SubmitButton
              size="sm"
              variant="destructive"
              pending={pending && sent === "wont_do"}
              data-testid="action-wont-do-confirm"
            >
              Mark won't do
            </SubmitButton>
          </div>
        </form>
      ) : null}
      {state.ok === false && state.error && !reasonError ? (
        <p role="status" className="text-xs font-medium text-destructive" data-testid="action-item-error">
          {conflict ? `${state.error} The list now shows it as it is.` : state.error}
        </p>
      ) : null}
    </div>
  );
}
