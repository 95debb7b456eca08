"use client";

import { useActionState, useRef } from "react";
import { toast } from "sonner";
import { SubmitButton } from "@/components/ui/submit-button";
import { refreshLocationAction } from "@/lib/catalog/locations/location-actions";
import type { ActionState } from "@/lib/command/action";

type Outcome = ActionState & { result?: string };

/**
 * "Refresh now": the result lands on the location itself; the toast only confirms the click,
 * one per location (a new refresh replaces it, rather than stacking), toned by the result.
 */
export function RefreshButton({ id }: { id: string }) {
  const last = useRef<string | number | undefined>(undefined);
  const [, action] = useActionState(async (state: Outcome, formData: FormData) => {
    const result: Outcome = await refreshLocationAction(state, formData);
    // Replaced, not updated in place: an updated toast keeps its first tone.
    if (last.current !== undefined) toast.dismiss(last.current);
    if (result.result === "held") last.current = toast.warning(result.message);
    else if (result.ok === false) last.current = toast.error(result.error ?? result.message);
    else if (result.message) last.current = toast.success(result.message);
    return result;
  }, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton size="sm" variant="outline" pendingText="Refreshing…" data-testid="refresh-location">
        Refresh now
      </SubmitButton>
    </form>
  );
}
