import { KeyRound, ScrollText, Users, UsersRound, Webhook } from "lucide-react";
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { type AdminSection, adminPageRead } from "@/lib/admin/reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Admin" };

const SECTIONS: { key: AdminSection; href: string; title: string; text: string; icon: typeof Users }[] = [
  {
    key: "users",
    href: "/admin/users",
    title: "Users",
    text: "Invite people, set roles, deactivate accounts.",
    icon: Users,
  },
  {
    key: "teams",
    href: "/admin/teams",
    title: "Teams",
    text: "Create teams and manage their members.",
    icon: UsersRound,
  },
  {
    key: "tokens",
    href: "/admin/tokens",
    title: "API tokens",
    text: "Every token in the organisation; revoke any.",
    icon: KeyRound,
  },
  {
    key: "webhooks",
    href: "/admin/webhooks",
    title: "Webhooks",
    text: "Send SLO alerts and other events to other systems, signed.",
    icon: Webhook,
  },
  {
    key: "audit",
    href: "/admin/audit",
    title: "Audit log",
    text: "Who changed what, when, with before and after.",
    icon: ScrollText,
  },
];

export default async function AdminPage() {
  const read = await pageQuery(adminPageRead, {});
  if (!read.ok) return <Forbidden what="administration" />;
  const sections = SECTIONS.filter((s) => read.data.sections.includes(s.key));
  return (
    <>
      <PageHeader title="Admin" description="Platform administration." />
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="flex h-full gap-3 rounded-lg border bg-card p-4 shadow-xs hover:bg-accent/50"
            >
              <s.icon className="mt-0.5 size-5 text-muted-foreground" aria-hidden />
              <span>
                <span className="block font-semibold">{s.title}</span>
                <span className="block text-sm text-muted-foreground">{s.text}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
