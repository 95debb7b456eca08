import type { Metadata } from "next";
import { LevelBadge } from "@/components/catalog/level-badge";
import { RollupBar } from "@/components/catalog/rollup-bar";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { teamPageRead } from "@/lib/catalog/reads";
import { rollupLevelHref } from "@/lib/catalog/rollup-links";
import { pageQuery } from "@/lib/query/page";

export async function generateMetadata({ params }: PageProps<"/teams/[slug]">): Promise<Metadata> {
  return { title: `Team ${(await params).slug}` };
}

export default async function TeamPage({ params }: PageProps<"/teams/[slug]">) {
  const read = await pageQuery(teamPageRead, { slug: (await params).slug });
  if (!read.ok) return <Forbidden what="this team" />;
  const { team, owned, ownedTotal, rollup } = read.data;
  return (
    <>
      <PageHeader title={team.name} description={team.description} />
      {rollup ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>Production readiness</CardTitle>
            <Link
              href={`/services?team=${team.slug}&sort=level`}
              className="text-sm text-primary hover:underline"
            >
              See the services
            </Link>
          </CardHeader>
          <div className="p-4">
            <RollupBar row={rollup} levelHref={rollupLevelHref("team", team.slug)} />
          </div>
        </Card>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Members ({team.members.length})</CardTitle>
          </CardHeader>
          <ul className="divide-y">
            {team.members.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-2 px-4 py-2.5 text-sm">
                <span className="min-w-0">
                  <span className="block font-medium">{m.name}</span>
                  <span className="block truncate text-xs text-muted-foreground">
                    {m.email} · {ROLE_LABELS[m.role]}
                  </span>
                </span>
                {m.memberRole === "lead" ? <Badge tone="primary">Lead</Badge> : null}
              </li>
            ))}
            {team.members.length === 0 ? (
              <li className="px-4 py-6 text-sm text-muted-foreground">No members yet.</li>
            ) : null}
          </ul>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Services owned ({ownedTotal})</CardTitle>
          </CardHeader>
          <ul className="divide-y">
            {owned.map((s) => (
              <li key={s.slug} className="flex items-center justify-between gap-2 px-4 py-2.5 text-sm">
                <span className="min-w-0">
                  <Link href={`/services/${s.slug}`} className="block font-medium hover:underline">
                    {s.name}
                  </Link>
                  <span className="block truncate text-xs text-muted-foreground">{s.description}</span>
                </span>
                <span className="flex shrink-0 gap-1">
                  <LevelBadge level={s.scorecardLevel} />
                  <TierBadge tier={s.tier} />
                </span>
              </li>
            ))}
            {owned.length === 0 ? (
              <li className="px-4 py-6 text-sm text-muted-foreground">
                This team owns no services yet.{" "}
                <Link className="text-primary underline" href="/services">
                  Browse the catalog
                </Link>
                .
              </li>
            ) : null}
          </ul>
        </Card>
      </div>
    </>
  );
}
