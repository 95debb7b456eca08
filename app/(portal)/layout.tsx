import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { SHELL_PERMISSIONS } from "@/components/shell/nav-items";
import { can } from "@/lib/auth/actor";
import { PERMISSIONS, type Permission, ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { majorIncidentsRead } from "@/lib/incidents/reads";
import { runQuery } from "@/lib/query/run";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter(
    (p) => SHELL_PERMISSIONS.has(p) && can(actor, p),
  );
  const { name, email, role } = actor.user;
  // Behind the read gate like any read: a role that cannot read incidents gets no banner.
  const major = await runQuery(majorIncidentsRead, actor, {});
  return (
    <AppShell
      allowed={allowed}
      user={{ name, email, roleLabel: ROLE_LABELS[role] }}
      majorIncidents={major.ok ? major.data.items : null}
    >
      {children}
    </AppShell>
  );
}
