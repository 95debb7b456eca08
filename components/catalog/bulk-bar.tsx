"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Icon } from "@/components/ui/icon";
import { Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { BULK_FORM } from "@/lib/catalog/bulk";
import { bulkTransferAction, bulkVerifyAction } from "@/lib/catalog/bulk-actions";
import type { ActionState } from "@/lib/command/action";
import { plural } from "@/lib/plural";
import { useTeamChoices } from "./use-team-choices";

type Props = { verify: boolean; transfer: boolean };

const selectedBoxes = () => [
  ...document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM}"][name="slug"]`),
];

/** Distinct slugs: the table and the phone cards each have a checkbox per service. */
const selectedCount = () =>
  new Set(
    selectedBoxes()
      .filter((b) => b.checked)
      .map((b) => b.value),
  ).size;

function announce(result: ActionState) {
  if (result.error) toast.error(result.error);
  else if (result.message) toast.success(result.message);
}

/**
 * The bulk-action bar of the catalog table. The row checkboxes are rendered by the server
 * with `form="catalog-bulk"`; this owns that form, keeps the count of what is selected,
 * makes "select all" and the row's two checkboxes (table and card) agree, and clears the
 * selection once an action has answered.
 */
export function BulkBar({ verify, transfer }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [count, setCount] = useState(0);
  const [picking, setPicking] = useState(false);
  // The teams are fetched once a service is selected or the picker is reached, not with the page.
  const { teams, loading } = useTeamChoices(transfer && (count > 0 || picking));
  const wrap =
    (action: (s: ActionState, f: FormData) => Promise<ActionState>) =>
    async (s: ActionState, f: FormData) => {
      const result = await action(s, f);
      announce(result);
      if (result.ok) {
        for (const box of selectedBoxes()) box.checked = false;
        for (const all of document.querySelectorAll<HTMLInputElement>("input[data-select-all]"))
          all.checked = false;
        setCount(0);
      }
      return result;
    };
  const [, verifyAction] = useActionState(wrap(bulkVerifyAction), {});
  const [transferState, transferAction] = useActionState(wrap(bulkTransferAction), {});

  useEffect(() => {
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.matches("input[data-select-all]")) {
        for (const box of selectedBoxes()) box.checked = target.checked;
      } else if (target.form?.id === BULK_FORM && target.name === "slug") {
        for (const twin of selectedBoxes()) if (twin.value === target.value) twin.checked = target.checked;
      } else return;
      setCount(selectedCount());
    };
    document.addEventListener("change", onChange);
    return () => document.removeEventListener("change", onChange);
  }, []);

  if (!verify && !transfer) return null;
  return (
    <form
      id={BULK_FORM}
      ref={formRef}
      className={
        count
          ? "sticky top-14 z-20 flex flex-wrap items-center gap-2 border-b bg-accent px-4 py-2 text-sm backdrop-blur"
          : "sr-only"
      }
      aria-label="Bulk actions"
      data-testid="bulk-bar"
    >
      <span className="mr-auto font-medium" aria-live="polite">
        {count ? `${plural(count, { one: "service", other: "services" })} selected` : "No service selected"}
      </span>
      {verify ? (
        <SubmitButton
          size="sm"
          variant="outline"
          formAction={verifyAction}
          disabled={!count}
          pendingText="Verifying…"
        >
          <Icon name="i-check-check" /> Verify
        </SubmitButton>
      ) : null}
      {transfer ? (
        <span className="flex items-center gap-2">
          <label htmlFor="bulk-owner" className="sr-only">
            New owner team
          </label>
          <Select
            id="bulk-owner"
            name="ownerTeam"
            defaultValue=""
            className="h-8 w-44"
            onFocus={() => setPicking(true)}
            onPointerEnter={() => setPicking(true)}
            aria-invalid={transferState.fieldErrors?.ownerTeam ? true : undefined}
          >
            <option value="">Move to team…</option>
            {loading ? <option disabled>Loading teams…</option> : null}
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </Select>
          <SubmitButton
            size="sm"
            variant="outline"
            formAction={transferAction}
            disabled={!count}
            pendingText="Moving…"
          >
            <Icon name="i-users" /> Change owner
          </SubmitButton>
        </span>
      ) : null}
    </form>
  );
}
