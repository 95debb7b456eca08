"use client";

import { useActionState, useEffect, useRef } from "react";
import { toast } from "sonner";
import { ActionButton } from "@/components/ui/action-button";
import { Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLES, type Role } from "@/db/schema/enums";
import {
  deactivateUserAction,
  reactivateUserAction,
  reissueInviteAction,
  updateUserAction,
} from "@/lib/admin/actions";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { endUserSessionsAction } from "@/lib/auth/session-actions";
import type { ActionState } from "@/lib/command/action";
import { InviteLink } from "./invite-link";

type Row = { id: string; email: string; role: Role; deactivated: boolean; invited: boolean };

export function UserRowActions({ user, self }: { user: Row; self: boolean }) {
  const [roleState, roleAction] = useActionState(updateUserAction, {});
  const [inviteState, inviteAction] = useActionState(reissueInviteAction, {});
  useToast(roleState);
  useToast(inviteState);
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={roleAction} className="flex items-center gap-1">
        <input type="hidden" name="id" value={user.id} />
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role for {user.email}
        </label>
        <Select
          id={`role-${user.id}`}
          name="role"
          defaultValue={user.role}
          className="h-8 w-40 text-xs"
          disabled={user.deactivated}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        <SubmitButton size="sm" variant="ghost" disabled={user.deactivated}>
          Save
        </SubmitButton>
      </form>
      {user.invited && !user.deactivated ? (
        <form action={inviteAction}>
          <input type="hidden" name="id" value={user.id} />
          <SubmitButton size="sm" variant="ghost">
            New invite link
          </SubmitButton>
        </form>
      ) : null}
      {self || user.deactivated ? null : (
        <ActionButton
          action={endUserSessionsAction}
          fields={{ id: user.id }}
          label="End sessions"
          variant="ghost"
          confirm={`Sign ${user.email} out everywhere? Every browser session ends at once; API tokens keep working.`}
          testId={`end-sessions-${user.email}`}
        />
      )}
      {self ? null : user.deactivated ? (
        <ActionButton action={reactivateUserAction} fields={{ id: user.id }} label="Reactivate" />
      ) : (
        <ActionButton
          action={deactivateUserAction}
          fields={{ id: user.id }}
          label="Deactivate"
          variant="destructive"
          confirm={`Deactivate ${user.email}? Their sessions and API tokens stop working at once.`}
          testId={`deactivate-${user.email}`}
        />
      )}
      {inviteState.ok && inviteState.data ? <InviteLink token={inviteState.data.inviteToken} /> : null}
    </div>
  );
}

function useToast(state: ActionState) {
  const shown = useRef<ActionState | null>(null);
  useEffect(() => {
    if (shown.current === state) return;
    shown.current = state;
    if (state.ok === false && state.error) toast.error(state.error);
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);
}
