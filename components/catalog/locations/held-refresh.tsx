"use client";

import { useActionState, useState } from "react";
import { ImportCounts, ImportPlanTable } from "@/components/catalog/import-plan-table";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LocationPlan } from "@/db/schema";
import { applyLocationAction } from "@/lib/catalog/locations/location-actions";

type Props = {
  id: string;
  heldHash: string;
  plan: LocationPlan;
};

/**
 * A held refresh for review: its dry run (the import's own plan table) and "Apply" once the
 * removals are confirmed. The held file's hash goes with it, so a newer held refresh is not
 * applied unseen.
 */
export function HeldRefresh({ id, heldHash, plan }: Props) {
  const [state, action] = useActionState(applyLocationAction, {});
  const [confirmed, setConfirmed] = useState(false);
  const services = plan.warnings === 1 ? "service" : "services";
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-3" data-testid="held-refresh">
      <ImportCounts counts={plan.counts} />
      <div className="rounded-md border">
        <ImportPlanTable rows={plan.rows} />
      </div>
      <form action={action} className="grid gap-3">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="heldHash" value={heldHash} />
        <FormMessage state={state} />
        <label className="flex items-start gap-2 text-sm" data-testid="confirm-removals">
          <input
            type="checkbox"
            name="confirmRemovals"
            className="mt-0.5 size-4"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
          />
          <span>
            Apply the removals marked ⚠ ({plan.warnings} {services}): without this nothing changes.
          </span>
        </label>
        <div>
          <SubmitButton disabled={!confirmed} pendingText="Applying…" data-testid="apply-held">
            Apply
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
