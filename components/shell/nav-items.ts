import {
  Activity,
  BookOpenCheck,
  Boxes,
  CalendarClock,
  ChartColumn,
  House,
  type LucideIcon,
  Medal,
  Puzzle,
  Shield,
  Siren,
  Users,
} from "lucide-react";
import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; icon: LucideIcon; permission?: Permission };
export type NavGroup = { label: string; items: NavItem[] };

/** The information architecture of DESIGN.md; one list drives the sidebar and the mobile menu. */
export const NAV: NavGroup[] = [
  { label: "", items: [{ href: "/", label: "Home", icon: House }] },
  {
    label: "Catalog",
    items: [
      { href: "/services", label: "Services", icon: Boxes },
      { href: "/teams", label: "Teams", icon: Users },
      { href: "/scorecards", label: "Readiness", icon: Medal },
    ],
  },
  { label: "Reliability", items: [{ href: "/slos", label: "SLOs", icon: Activity }] },
  {
    label: "Operations",
    items: [
      { href: "/changes", label: "Changes", icon: CalendarClock },
      { href: "/incidents", label: "Incidents", icon: Siren },
      { href: "/problems", label: "Problems", icon: Puzzle },
    ],
  },
  {
    label: "People",
    items: [
      { href: "/onboarding", label: "Onboarding", icon: BookOpenCheck },
      { href: "/reports", label: "Reports", icon: ChartColumn },
    ],
  },
  { label: "Admin", items: [{ href: "/admin", label: "Admin", icon: Shield, permission: "user.manage" }] },
];

export function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
