"use client";

import { usePathname } from "next/navigation";
import Link from "@/components/ui/link";
import type { Permission } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";
import { isActive, NAV } from "./nav-items";

export function SidebarNav({ allowed, onNavigate }: { allowed: Permission[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-4 px-3 py-4">
      {NAV.map((group) => {
        const items = group.items.filter((i) => !i.permission || allowed.includes(i.permission));
        if (!items.length) return null;
        return (
          <div key={group.label || "root"}>
            {group.label ? (
              <p className="px-2 pb-1 text-[11px] font-semibold uppercase tracking-wider text-muted-foreground">
                {group.label}
              </p>
            ) : null}
            <ul className="flex flex-col gap-0.5">
              {items.map((item) => {
                const active = isActive(pathname, item.href);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-foreground/80 hover:bg-accent hover:text-accent-foreground",
                        active && "bg-accent font-medium text-accent-foreground",
                      )}
                    >
                      <item.icon className="size-4" aria-hidden />
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
