import type { ReactNode } from "react";
import { CommandPalette } from "@/components/shell/command-palette";
import { Logo } from "@/components/shell/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { UserMenu } from "@/components/shell/user-menu";
import Link from "@/components/ui/link";
import { can } from "@/lib/auth/actor";
import { PERMISSIONS, type Permission, ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  // The client nav only hides links; every page and command checks again on the server.
  const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor, p));
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
            <UserMenu
              name={actor.user.name}
              email={actor.user.email}
              roleLabel={ROLE_LABELS[actor.user.role]}
            />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-3 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
