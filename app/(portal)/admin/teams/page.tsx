import type { Metadata } from "next";
import { TeamForm } from "@/components/admin/team-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { adminTeamsPageRead } from "@/lib/admin/reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Manage teams" };

export default async function AdminTeamsPage() {
  const read = await pageQuery(adminTeamsPageRead, {});
  if (!read.ok) return <Forbidden what="team administration" />;
  const { teams } = read.data;
  return (
    <>
      <PageHeader title="Teams" description="Teams own services; their members may edit them." />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <Table>
            <THead>
              <tr>
                <TH>Team</TH>
                <TH className="text-right">Members</TH>
                <TH className="text-right">Services</TH>
              </tr>
            </THead>
            <tbody>
              {teams.map((t) => (
                <TR key={t.slug}>
                  <TD>
                    <Link href={`/admin/teams/${t.slug}`} className="font-medium hover:underline">
                      {t.name}
                    </Link>
                    <span className="block text-xs text-muted-foreground">{t.slug}</span>
                  </TD>
                  <TD className="text-right tabular-nums">{t.members}</TD>
                  <TD className="text-right tabular-nums">{t.services}</TD>
                </TR>
              ))}
              {teams.length === 0 ? (
                <tr>
                  <td colSpan={3} className="px-3 py-8 text-center text-sm text-muted-foreground">
                    No teams yet — create the first one.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>New team</CardTitle>
          </CardHeader>
          <div className="p-4">
            <TeamForm mode="create" />
          </div>
        </Card>
      </div>
    </>
  );
}
