"use client";

import type { ReactNode } from "react";
import { MajorIncidentBanner } from "@/components/incidents/major-incident-banner";
import Link from "@/components/ui/link";
import type { Permission } from "@/lib/auth/permissions";
import type { MajorIncident } from "@/lib/incidents/queries";
import { CommandPalette } from "./command-palette";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

type Props = {
  /** What the user may do: the navigation only hides links; pages and commands check again on the server. */
  allowed: Permission[];
  user: { name: string; email: string; roleLabel: string };
  /** Open sev1/sev2 incidents when the page was drawn; the banner keeps them live from there. */
  majorIncidents: MajorIncident[] | null;
  children: ReactNode;
};

/**
 * Sidebar, header and main column of every signed-in page. A client component although it
 * holds no state: a server component's markup travels twice (HTML and RSC payload), this
 * one's only as HTML, and the shell is on every page.
 */
export function AppShell({ allowed, user, majorIncidents, children }: Props) {
  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-card focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 overflow-y-auto border-r bg-card lg:block">
        <div className="border-b px-5 py-4">
          <Link href="/" aria-label="Pharos home">
            <Logo />
          </Link>
        </div>
        <SidebarNav allowed={allowed} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-card/90 px-3 backdrop-blur sm:px-6">
          <MobileNav allowed={allowed} />
          <Link href="/" className="lg:hidden" aria-label="Pharos home">
            <Logo />
          </Link>
          <div className="flex min-w-0 flex-1 justify-center px-2 lg:justify-start">
            <CommandPalette allowed={allowed} />
          </div>
          <div className="ml-auto">
            <UserMenu name={user.name} email={user.email} roleLabel={user.roleLabel} />
          </div>
        </header>
        {majorIncidents ? <MajorIncidentBanner initial={majorIncidents} /> : null}
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-3 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
