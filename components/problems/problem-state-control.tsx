"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ProblemState } from "@/db/schema/incidents";
import { updateProblemAction } from "@/lib/incidents/problem-actions";
import { PROBLEM_MOVES } from "@/lib/incidents/problem-states";

type Props = { id: string; version: number; state: ProblemState; rootCause: string; workaround: string };

const MOVE_LABELS: Record<ProblemState, string> = {
  new: "Back to new",
  investigating: "Start investigating",
  known_error: "Mark known error",
  resolved: "Mark resolved",
  risk_accepted: "Accept the risk",
};

/**
 * The problem's next step, from the state machine. A known error needs its root cause or a
 * workaround, so that move asks for them in place (the refusal is said beside them); accepting
 * a risk asks why. Any other move may say why too; the reason stays in the history.
 */
export function ProblemStateControl({ id, version, state, rootCause, workaround }: Props) {
  const [result, action] = useActionState(updateProblemAction, {});
  const [to, setTo] = useState<ProblemState | null>(null);
  const router = useRouter();
  const err = result.fieldErrors ?? {};
  const conflict =
    result.ok === false && Boolean((result.data as { current?: unknown } | undefined)?.current);
  const mine = result.values ?? {};
  const next = PROBLEM_MOVES[state];
  const label = (s: ProblemState) =>
    s === "investigating" && state !== "new" ? "Reopen investigation" : MOVE_LABELS[s];
  const fieldError = err.rootCause || err.workaround || err.reason || err.state;
  return (
    <div className="grid gap-3">
      {conflict ? (
        <div className="grid justify-items-start gap-2">
          <FormMessage state={{ ok: false, error: result.error }} />
          <Button size="sm" variant="outline" onClick={() => router.refresh()}>
            Reload the problem
          </Button>
        </div>
      ) : fieldError ? null : (
        <FormMessage state={result} />
      )}
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
            {label(s)}
          </button>
        ))}
      </div>
      {to ? (
        <ActionForm action={action} className="grid gap-3 rounded-md border p-3" noValidate>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="state" value={to} />
          {to === "known_error" ? (
            <>
              <p className="text-xs text-muted-foreground">
                A known error has its root cause or a workaround written down, so the next responder can act
                on it.
              </p>
              <Field id="move-rootCause" label="Root cause" error={err.rootCause}>
                {(p) => (
                  <Textarea
                    {...p}
                    name="rootCause"
                    rows={3}
                    defaultValue={String(mine.rootCause ?? rootCause)}
                  />
                )}
              </Field>
              <Field id="move-workaround" label="Workaround" error={err.workaround}>
                {(p) => (
                  <Textarea
                    {...p}
                    name="workaround"
                    rows={3}
                    defaultValue={String(mine.workaround ?? workaround)}
                  />
                )}
              </Field>
            </>
          ) : to === "risk_accepted" ? (
            <Field
              id="move-reason"
              label="Why is the risk accepted?"
              error={err.reason}
              hint="Kept in the problem's history, e.g. the cost of the fix outweighs the impact."
            >
              {(p) => <Textarea {...p} name="reason" rows={2} defaultValue={String(mine.reason ?? "")} />}
            </Field>
          ) : (
            <Field
              id="move-reason"
              label="Why (optional)"
              error={err.reason}
              hint="Kept in the problem's history."
            >
              {(p) => (
                <Input {...p} name="reason" maxLength={1000} defaultValue={String(mine.reason ?? "")} />
              )}
            </Field>
          )}
          {err.state ? (
            <p className="text-xs font-medium text-destructive" data-testid="error-state">
              {err.state}
            </p>
          ) : null}
          <div>
            <SubmitButton size="sm" data-testid="move-confirm">
              {label(to)}
            </SubmitButton>
          </div>
        </ActionForm>
      ) : null}
    </div>
  );
}
