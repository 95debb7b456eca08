import { KeyRound, ScrollText, UserPlus, Users, Webhook } from "lucide-react";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";

const SHORTCUTS = [
  { href: "/admin/users/new", label: "Invite a user", icon: UserPlus },
  { href: "/admin/teams", label: "Teams and members", icon: Users },
  { href: "/admin/tokens", label: "All API tokens", icon: KeyRound },
  { href: "/admin/webhooks", label: "Webhooks", icon: Webhook },
  { href: "/admin/audit", label: "Audit log", icon: ScrollText },
];

export function AdminShortcuts() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Administration</CardTitle>
      </CardHeader>
      <CardBody className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {SHORTCUTS.map((s) => (
          <Link
            key={s.href}
            href={s.href}
            className="flex items-center gap-2 rounded-md border px-3 py-2.5 text-sm hover:bg-accent"
          >
            <s.icon className="size-4 text-muted-foreground" aria-hidden />
            {s.label}
          </Link>
        ))}
      </CardBody>
    </Card>
  );
}
