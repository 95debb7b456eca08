"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { KeyRound, LogOut, Monitor, MonitorSmartphone, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import Link from "@/components/ui/link";
import { signOutAction } from "@/lib/auth/actions";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground [&_svg]:size-4";

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const { theme, setTheme } = useTheme();
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();
  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex items-center gap-2 rounded-full p-0.5 pr-2 text-sm hover:bg-accent"
        aria-label={`Account menu for ${name}`}
        data-testid="user-menu"
      >
        <span className="grid size-8 place-items-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
          {initials}
        </span>
        <span className="hidden text-left leading-tight sm:block">
          <span className="block font-medium">{name}</span>
          <span className="block text-xs text-muted-foreground">{roleLabel}</span>
        </span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-md border bg-card p-1 shadow-md"
        >
          <Menu.Label className="px-2 py-1.5 text-xs text-muted-foreground">{email}</Menu.Label>
          <Menu.Separator className="my-1 h-px bg-border" />
          <Menu.Label className="px-2 pt-1 text-xs font-semibold text-muted-foreground">Theme</Menu.Label>
          <Menu.RadioGroup value={theme ?? "system"} onValueChange={setTheme}>
            <Menu.RadioItem value="light" className={itemClass}>
              <Sun aria-hidden /> Light {theme === "light" ? "✓" : ""}
            </Menu.RadioItem>
            <Menu.RadioItem value="dark" className={itemClass}>
              <Moon aria-hidden /> Dark {theme === "dark" ? "✓" : ""}
            </Menu.RadioItem>
            <Menu.RadioItem value="system" className={itemClass}>
              <Monitor aria-hidden /> System {theme === "system" ? "✓" : ""}
            </Menu.RadioItem>
          </Menu.RadioGroup>
          <Menu.Separator className="my-1 h-px bg-border" />
          <Menu.Item asChild className={itemClass}>
            <Link href="/settings/tokens">
              <KeyRound aria-hidden /> API tokens
            </Link>
          </Menu.Item>
          <Menu.Item asChild className={itemClass}>
            <Link href="/settings/sessions">
              <MonitorSmartphone aria-hidden /> Sessions
            </Link>
          </Menu.Item>
          <Menu.Item className={itemClass} onSelect={() => void signOutAction()}>
            <LogOut aria-hidden /> Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
