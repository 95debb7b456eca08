import { CircleAlert, CircleCheck } from "lucide-react";

/** The form-level outcome of a server action; field messages sit beside their fields. */
export function FormMessage({ state }: { state: { ok?: boolean; error?: string; message?: string } }) {
  if (state.ok === false && state.error) {
    return (
      <p
        role="status"
        data-testid="form-error"
        className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-breaching-fg"
      >
        <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        {state.error}
      </p>
    );
  }
  if (state.ok && state.message) {
    return (
      <p
        role="status"
        data-testid="form-success"
        className="flex items-start gap-2 rounded-md border border-healthy/40 bg-healthy/10 px-3 py-2 text-sm text-healthy-fg"
      >
        <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
        {state.message}
      </p>
    );
  }
  return null;
}
