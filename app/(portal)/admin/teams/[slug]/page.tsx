import type { Metadata } from "next";
import { AddMemberForm } from "@/components/admin/add-member-form";
import { TeamForm } from "@/components/admin/team-form";
import { Forbidden } from "@/components/shell/forbidden";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { removeTeamMemberAction } from "@/lib/admin/actions";
import { adminTeamPageRead } from "@/lib/admin/reads";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Manage team" };

export default async function AdminTeamPage({ params }: PageProps<"/admin/teams/[slug]">) {
  const read = await pageQuery(adminTeamPageRead, { slug: (await params).slug });
  if (!read.ok) return <Forbidden what="team administration" />;
  const team = read.data;
  return (
    <>
      <PageHeader title={team.name} description={`Team slug: ${team.slug}`} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>Members ({team.members.length})</CardTitle>
          </CardHeader>
          <ul className="divide-y">
            {team.members.map((m) => (
              <li
                key={m.id}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm"
              >
                <span>
                  <span className="font-medium">{m.name}</span>{" "}
                  {m.memberRole === "lead" ? <Badge tone="primary">Lead</Badge> : null}
                  <span className="block text-xs text-muted-foreground">
                    {m.email} · {ROLE_LABELS[m.role]}
                  </span>
                </span>
                <ActionButton
                  action={removeTeamMemberAction}
                  fields={{ team: team.slug, userId: m.id }}
                  label="Remove"
                  variant="ghost"
                  confirm={{
                    title: `Remove ${m.name} from ${team.name}?`,
                    description: "They can no longer edit the team’s services; their account stays.",
                  }}
                />
              </li>
            ))}
            {team.members.length === 0 ? (
              <li className="px-4 py-6 text-sm text-muted-foreground">No members yet.</li>
            ) : null}
          </ul>
          <div className="border-t p-4">
            <AddMemberForm team={team.slug} />
          </div>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <div className="p-4">
            <TeamForm mode="edit" team={team} />
          </div>
        </Card>
      </div>
    </>
  );
}
