import type { Metadata } from "next";
import { RollupBar } from "@/components/catalog/rollup-bar";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { scorecardsPageRead } from "@/lib/catalog/reads";
import { RULES } from "@/lib/catalog/scorecard";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Production readiness" };

export default async function ScorecardsPage() {
  const read = await pageQuery(scorecardsPageRead, {});
  if (!read.ok) return <Forbidden what="production readiness" />;
  const { byTeam, byTier } = read.data;
  return (
    <>
      <PageHeader
        title="Production readiness"
        description="Bronze, silver and gold: a level is reached when all its rules and those below pass. Levels are recomputed on every change and hourly."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>By tier</CardTitle>
          </CardHeader>
          <ul className="divide-y">
            {byTier.map((row) => (
              <li key={row.key} className="grid gap-2 px-4 py-3">
                <Link
                  href={`/services?tier=${row.key}&sort=level`}
                  className="text-sm font-medium hover:underline"
                >
                  {row.label.replace("tier", "Tier ")}
                </Link>
                <RollupBar row={row} />
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>By team</CardTitle>
          </CardHeader>
          <ul className="divide-y">
            {byTeam.map((row) => (
              <li key={row.key} className="grid gap-2 px-4 py-3">
                <Link
                  href={row.key === "unowned" ? "/services" : `/teams/${row.key}`}
                  className="text-sm font-medium hover:underline"
                >
                  {row.label}
                </Link>
                <RollupBar row={row} />
              </li>
            ))}
          </ul>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>The rules</CardTitle>
          </CardHeader>
          <ul className="divide-y text-sm">
            {RULES.map((r) => (
              <li key={r.id} className="grid gap-0.5 px-4 py-2 sm:grid-cols-[6rem_1fr_1fr]">
                <span className="text-xs uppercase text-muted-foreground">{r.level}</span>
                <span>{r.title}</span>
                <span className="text-muted-foreground">{r.fix}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
