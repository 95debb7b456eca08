import { Icon } from "@/components/ui/icon";
import type { FieldErrors } from "@/lib/command/result";
import { pluralWord } from "@/lib/plural";

type State = { ok?: boolean; error?: string; message?: string; fieldErrors?: FieldErrors };

/**
 * The form-level outcome of a server action. A field's message is shown once, beside its
 * field; up here the form only says how many fields to look at (and any message that
 * belongs to no field).
 */
export function FormMessage({ state }: { state: State }) {
  if (state.ok === false && state.error) {
    const fields = Object.keys(state.fieldErrors ?? {}).filter((k) => k !== "_form");
    // Validation's own summary ("dependsOn: …", "3 fields need attention.") repeats what the
    // fields say, with a key for a label; a command's message (a conflict) says more: keep it.
    const summary =
      fields.length > 0 &&
      (/ fields need attention\.$/.test(state.error) ||
        fields.some((k) => state.error?.startsWith(`${k}: `)));
    const text = summary
      ? pluralWord(fields.length, {
          one: "Check the highlighted field.",
          other: `Check the ${fields.length} highlighted fields.`,
        })
      : state.error;
    return (
      <p
        role="status"
        data-testid="form-error"
        className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-breaching-fg"
      >
        <Icon name="i-circle-alert" className="mt-0.5 size-4 shrink-0" />
        {summary && state.fieldErrors?._form ? `${state.fieldErrors._form} ${text}` : text}
      </p>
    );
  }
  if (state.ok && state.message) return <SuccessMessage message={state.message} />;
  return null;
}

export function SuccessMessage({ message }: { message: string }) {
  return (
    <p
      role="status"
      data-testid="form-success"
      className="flex items-start gap-2 rounded-md border border-healthy/40 bg-healthy/10 px-3 py-2 text-sm text-healthy-fg"
    >
      <Icon name="i-circle-check" className="mt-0.5 size-4 shrink-0" />
      {message}
    </p>
  );
}
