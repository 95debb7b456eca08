import {
  Activity,
  BookOpenCheck,
  BookText,
  Boxes,
  CalendarClock,
  ChartColumn,
  House,
  KeyRound,
  type LucideIcon,
  Medal,
  MonitorSmartphone,
  Plus,
  Puzzle,
  ScrollText,
  Shield,
  Siren,
  Upload,
  UserCog,
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

/**
 * Pages one level below the navigation, for the ⌘K palette: the palette jumps to every
 * page of the navigation and to these; `keywords` are other words people type for them.
 */
export const MORE_PAGES: (NavItem & { keywords?: string })[] = [
  {
    href: "/services/new",
    label: "Register a service",
    icon: Plus,
    permission: "service.create",
    keywords: "new create",
  },
  {
    href: "/services/import",
    label: "Import from Backstage",
    icon: Upload,
    permission: "service.create",
    keywords: "catalog-info yaml sync locations",
  },
  { href: "/settings/tokens", label: "API tokens", icon: KeyRound, keywords: "settings token pat" },
  {
    href: "/settings/sessions",
    label: "Signed-in sessions",
    icon: MonitorSmartphone,
    keywords: "settings devices",
  },
  { href: "/api/docs", label: "API reference", icon: BookText, keywords: "openapi rest docs" },
  {
    href: "/admin/users",
    label: "Users",
    icon: UserCog,
    permission: "user.manage",
    keywords: "admin people invite",
  },
  {
    href: "/admin/teams",
    label: "Manage teams",
    icon: Users,
    permission: "team.manage",
    keywords: "admin members",
  },
  {
    href: "/admin/tokens",
    label: "All API tokens",
    icon: KeyRound,
    permission: "token.manage_any",
    keywords: "admin",
  },
  {
    href: "/admin/audit",
    label: "Audit log",
    icon: ScrollText,
    permission: "audit.read",
    keywords: "admin history",
  },
];

export function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
