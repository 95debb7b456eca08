import { Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listTeams } from "@/lib/admin/queries";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  await requireActor();
  const teams = await listTeams(getDb());
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
                  <span>{t.members} members</span>
                  <span>{t.services} services</span>
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
