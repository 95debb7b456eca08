"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { addIncidentNoteAction } from "@/lib/incidents/actions";
import { DateTimeField } from "./datetime-field";

/** Adds a note or a link to the timeline as it happens, or back-fills one at an earlier time. */
export function NoteForm({ id }: { id: string }) {
  const [state, action] = useActionState(addIncidentNoteAction, {});
  const [kind, setKind] = useState<"note" | "link">("note");
  const [backfill, setBackfill] = useState(false);
  const [key, setKey] = useState(0);
  const err = state.fieldErrors ?? {};
  return (
    <ActionForm
      key={key}
      action={(fd) => {
        action(fd);
        // A sent note clears the box for the next one; a refused one keeps what was typed.
        if (String(fd.get("body") ?? "").trim()) setTimeout(() => setKey((k) => k + 1), 600);
      }}
      className="grid gap-2"
      noValidate
      data-testid="note-form"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="kind" value={kind} />
      <FormMessage state={state} />
      <Textarea
        name="body"
        rows={2}
        placeholder={
          kind === "link"
            ? "What the link is (dashboard, chat thread, status page)"
            : "What happened, what was tried, what was decided"
        }
        aria-label="Timeline entry"
        aria-invalid={err.body ? true : undefined}
      />
      {err.body ? <p className="text-xs font-medium text-destructive">{err.body}</p> : null}
      {kind === "link" ? (
        <>
          <Input
            name="url"
            type="url"
            placeholder="https://…"
            aria-label="Link URL"
            aria-invalid={err.url ? true : undefined}
          />
          {err.url ? <p className="text-xs font-medium text-destructive">{err.url}</p> : null}
        </>
      ) : null}
      {backfill ? <DateTimeField name="occurredAt" label="When it happened" error={err.occurredAt} /> : null}
      <div className="flex flex-wrap items-center gap-3 text-xs">
        <SubmitButton size="sm" data-testid="note-submit">
          Add to timeline
        </SubmitButton>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={kind === "link"}
            onChange={(e) => setKind(e.target.checked ? "link" : "note")}
          />{" "}
          A link
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={backfill} onChange={(e) => setBackfill(e.target.checked)} />{" "}
          Happened earlier
        </label>
      </div>
    </ActionForm>
  );
}
