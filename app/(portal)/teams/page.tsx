import { Users } from "lucide-react";
import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { teamsPageRead } from "@/lib/catalog/reads";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const read = await pageQuery(teamsPageRead, {});
  if (!read.ok) return <Forbidden what="the teams" />;
  const { teams } = read.data;
  return (
    <>
      <PageHeader title="Teams" description="Who owns what. Admins manage teams and members under Admin." />
      {teams.length ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {teams.map((t) => (
            <li key={t.slug}>
              <Link
                href={`/teams/${t.slug}`}
                className="block h-full rounded-lg border bg-card p-4 shadow-xs hover:bg-accent/50"
              >
                <span className="block font-semibold">{t.name}</span>
                <span className="mt-1 line-clamp-2 block text-sm text-muted-foreground">
                  {t.description || "No description."}
                </span>
                <span className="mt-3 flex gap-4 text-xs text-muted-foreground">
                  <span>{plural(t.members, { one: "member", other: "members" })}</span>
                  <span>{plural(t.services, { one: "service", other: "services" })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <Card>
          <EmptyState icon={Users} title="No teams yet">
            Admins create teams under Admin → Teams.
          </EmptyState>
        </Card>
      )}
    </>
  );
}
