"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { KeyRound, LoaderCircle, LogOut, MoreHorizontal, UserCheck, UserX } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, type ConfirmText } from "@/components/ui/confirm-dialog";
import { useToastedAction } from "@/components/ui/use-toasted-action";
import { ROLES, type Role } from "@/db/schema/enums";
import {
  deactivateUserAction,
  reactivateUserAction,
  reissueInviteAction,
  updateUserAction,
} from "@/lib/admin/actions";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { endUserSessionsAction } from "@/lib/auth/session-actions";
import { cn } from "@/lib/utils";
import { InviteLink } from "./invite-link";

type Row = { id: string; email: string; role: Role; deactivated: boolean; invited: boolean };
type Asking = "end-sessions" | "deactivate";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground [&_svg]:size-4";

/** One row's writes behind a menu: the role, an invite link, and the two that ask first. */
export function UserRowActions({ user, self }: { user: Row; self: boolean }) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const role = useToastedAction(updateUserAction);
  const invite = useToastedAction(reissueInviteAction);
  const endSessions = useToastedAction(endUserSessionsAction);
  const deactivate = useToastedAction(deactivateUserAction);
  const reactivate = useToastedAction(reactivateUserAction);
  const pending = [role, invite, endSessions, deactivate, reactivate].some((a) => a.pending);
  const id = { id: user.id };
  const questions: Record<Asking, ConfirmText & { run: () => void }> = {
    "end-sessions": {
      title: `Sign ${user.email} out everywhere?`,
      description: "Every browser session ends at once; API tokens keep working.",
      confirmLabel: "End sessions",
      run: () => endSessions.run(id),
    },
    deactivate: {
      title: `Deactivate ${user.email}?`,
      description: "Their sessions and API tokens stop working at once. You can reactivate them later.",
      confirmLabel: "Deactivate",
      run: () => deactivate.run(id),
    },
  };
  const question = asking ? questions[asking] : null;
  return (
    <div className="flex flex-col items-end gap-2">
      {/* Not modal: a modal menu hides the rest of the page from assistive technology
          (aria-hidden over focusable content) for what is only a short list of choices. */}
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <Button
            ref={trigger}
            variant="ghost"
            size="sm"
            aria-label={`Actions for ${user.email}`}
            aria-busy={pending}
            data-testid={`user-actions-${user.email}`}
          >
            {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <MoreHorizontal aria-hidden />}
          </Button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            align="end"
            sideOffset={4}
            className="z-50 min-w-52 rounded-md border bg-card p-1 shadow-md"
            // A question about to open takes the focus; the menu must not pull it back.
            onCloseAutoFocus={(e) => {
              if (asking) e.preventDefault();
            }}
          >
            {user.deactivated ? null : (
              <>
                <Menu.Label className="px-2 pt-1 text-xs font-semibold text-muted-foreground">
                  Role
                </Menu.Label>
                <Menu.RadioGroup
                  value={user.role}
                  onValueChange={(r) => r !== user.role && role.run({ ...id, role: r })}
                >
                  {ROLES.map((r) => (
                    <Menu.RadioItem key={r} value={r} className={itemClass}>
                      <span className="w-4" aria-hidden>
                        {r === user.role ? "✓" : ""}
                      </span>
                      {ROLE_LABELS[r]}
                    </Menu.RadioItem>
                  ))}
                </Menu.RadioGroup>
                <Menu.Separator className="my-1 h-px bg-border" />
              </>
            )}
            {user.invited && !user.deactivated ? (
              <Menu.Item className={itemClass} onSelect={() => invite.run(id)}>
                <KeyRound aria-hidden /> New invite link
              </Menu.Item>
            ) : null}
            {self || user.deactivated ? null : (
              <Menu.Item className={itemClass} onSelect={() => setAsking("end-sessions")}>
                <LogOut aria-hidden /> End sessions…
              </Menu.Item>
            )}
            {self ? null : user.deactivated ? (
              <Menu.Item className={itemClass} onSelect={() => reactivate.run(id)}>
                <UserCheck aria-hidden /> Reactivate
              </Menu.Item>
            ) : (
              <Menu.Item
                className={cn(itemClass, "text-destructive data-[highlighted]:text-destructive")}
                onSelect={() => setAsking("deactivate")}
              >
                <UserX aria-hidden /> Deactivate…
              </Menu.Item>
            )}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {question ? (
        <ConfirmDialog
          {...question}
          open
          onOpenChange={(open) => open || setAsking(null)}
          onConfirm={question.run}
          returnFocusTo={trigger}
        />
      ) : null}
      {invite.state.ok && invite.state.data ? <InviteLink token={invite.state.data.inviteToken} /> : null}
    </div>
  );
}
