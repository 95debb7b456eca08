import type { IconName } from "@/components/ui/icon";
import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; icon: IconName; permission?: Permission };
export type NavGroup = { label: string; items: NavItem[] };

/** The information architecture of DESIGN.md; one list drives the sidebar and the mobile menu. */
export const NAV: NavGroup[] = [
  { label: "", items: [{ href: "/", label: "Home", icon: "i-house" }] },
  {
    label: "Catalog",
    items: [
      { href: "/services", label: "Services", icon: "i-boxes" },
      { href: "/teams", label: "Teams", icon: "i-users" },
      { href: "/scorecards", label: "Readiness", icon: "i-medal" },
    ],
  },
  { label: "Reliability", items: [{ href: "/slos", label: "SLOs", icon: "i-activity" }] },
  {
    label: "Operations",
    items: [
      { href: "/changes", label: "Changes", icon: "i-calendar-clock" },
      { href: "/incidents", label: "Incidents", icon: "i-siren" },
      { href: "/problems", label: "Problems", icon: "i-puzzle" },
      { href: "/action-items", label: "Action items", icon: "i-list-checks" },
    ],
  },
  {
    label: "People",
    items: [
      { href: "/onboarding", label: "Onboarding", icon: "i-book-open-check" },
      { href: "/reports", label: "Reports", icon: "i-chart-column" },
    ],
  },
  {
    label: "Admin",
    items: [{ href: "/admin", label: "Admin", icon: "i-shield", permission: "user.manage" }],
  },
];

/**
 * Pages one level below the navigation, for the ⌘K palette: the palette jumps to every
 * page of the navigation and to these; `keywords` are other words people type for them.
 */
export const MORE_PAGES: (NavItem & { keywords?: string })[] = [
  {
    href: "/services/new",
    label: "Register a service",
    icon: "i-plus",
    permission: "service.create",
    keywords: "new create",
  },
  {
    href: "/services/import",
    label: "Import from Backstage",
    icon: "i-upload",
    permission: "service.create",
    keywords: "catalog-info yaml sync locations",
  },
  { href: "/settings/tokens", label: "API tokens", icon: "i-key-round", keywords: "settings token pat" },
  {
    href: "/settings/sessions",
    label: "Signed-in sessions",
    icon: "i-monitor-smartphone",
    keywords: "settings devices",
  },
  { href: "/api/docs", label: "API reference", icon: "i-book-text", keywords: "openapi rest docs" },
  {
    href: "/admin/users",
    label: "Users",
    icon: "i-user-cog",
    permission: "user.manage",
    keywords: "admin people invite",
  },
  {
    href: "/admin/teams",
    label: "Manage teams",
    icon: "i-users",
    permission: "team.manage",
    keywords: "admin members",
  },
  {
    href: "/admin/tokens",
    label: "All API tokens",
    icon: "i-key-round",
    permission: "token.manage_any",
    keywords: "admin",
  },
  {
    href: "/admin/webhooks",
    label: "Webhooks",
    icon: "i-webhook",
    permission: "webhook.read",
    keywords: "admin notifications integrations",
  },
  {
    href: "/admin/audit",
    label: "Audit log",
    icon: "i-scroll-text",
    permission: "audit.read",
    keywords: "admin history",
  },
];

export function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The permissions the shell asks about (navigation and palette pages): all the browser is
 * sent, since every page carries the shell and the full table would weigh on each of them.
 */
export const SHELL_PERMISSIONS: ReadonlySet<Permission> = new Set(
  [...NAV.flatMap((g) => g.items), ...MORE_PAGES].flatMap((i) => (i.permission ? [i.permission] : [])),
);
