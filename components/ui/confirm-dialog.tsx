"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode, RefObject } from "react";
import { Button } from "./button";

export type ConfirmText = {
  /** The question, e.g. "Deactivate sam@example.com?" */
  title: string;
  /** What happens if the person says yes. */
  description: string;
  /** The confirm button's words; say the action ("Deactivate"), never "OK". */
  confirmLabel: string;
};

type Props = ConfirmText & {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  onConfirm: () => void;
  /** Opens the dialog; focus returns to it on close. Omit when `open` is driven from elsewhere. */
  trigger?: ReactNode;
  /**
   * Where focus goes on close when there is no trigger — a dialog opened from a menu item
   * would otherwise hand focus back to an item that no longer exists.
   */
  returnFocusTo?: RefObject<HTMLElement | null>;
};

/**
 * Asks before a consequential write. Radix traps focus inside, closes on Escape and returns
 * focus; the confirm button only runs `onConfirm` — the server action still decides whether
 * the caller may do it.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  open,
  onOpenChange,
  onConfirm,
  trigger,
  returnFocusTo,
}: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <Dialog.Trigger asChild>{trigger}</Dialog.Trigger> : null}
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          role="alertdialog"
          data-testid="confirm-dialog"
          className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border bg-card p-5 text-left shadow-lg"
          onCloseAutoFocus={(e) => {
            if (!returnFocusTo?.current) return;
            e.preventDefault();
            returnFocusTo.current.focus();
          }}
        >
          <Dialog.Title className="text-base font-semibold [overflow-wrap:anywhere]">{title}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-muted-foreground">
            {description}
          </Dialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Dialog.Close asChild>
              <Button type="button" variant="ghost">
                Cancel
              </Button>
            </Dialog.Close>
            <Dialog.Close asChild>
              <Button
                type="button"
                variant="destructive"
                onClick={onConfirm}
                data-testid="confirm-dialog-confirm"
              >
                {confirmLabel}
              </Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
