"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import type { Permission } from "@/lib/auth/permissions";
import { SidebarNav } from "./sidebar-nav";

export function MobileNav({ allowed }: { allowed: Permission[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open navigation">
          <Icon name="i-menu" />
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 w-72 overflow-y-auto border-r bg-card shadow-lg">
          <div className="flex items-center justify-between border-b px-4 py-3">
            <Dialog.Title className="font-semibold">Pharos</Dialog.Title>
            <Dialog.Description className="sr-only">Site navigation</Dialog.Description>
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close navigation">
                <Icon name="i-x" />
              </Button>
            </Dialog.Close>
          </div>
          <SidebarNav allowed={allowed} onNavigate={() => setOpen(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
