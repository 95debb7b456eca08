"use client";

import { usePathname } from "next/navigation";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import type { Permission } from "@/lib/auth/permissions";
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
                      className="nav-link"
                    >
                      <Icon name={item.icon} />
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
