import type { Metadata } from "next";
import { RollupBar, type RollupRow } from "@/components/catalog/rollup-bar";
import { RollupTable } from "@/components/catalog/rollup-table";
import { RuleStatsList } from "@/components/catalog/rule-stats-list";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { scorecardsPageRead } from "@/lib/catalog/reads";
import { rollupHref, rollupLevelHref, tierLabel } from "@/lib/catalog/rollup-links";
import { servicesWithUnmeasuredLevels } from "@/lib/catalog/rollup-math";
import { RULES } from "@/lib/catalog/scorecard";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Production readiness" };

export default async function ScorecardsPage() {
  const read = await pageQuery(scorecardsPageRead, {});
  if (!read.ok) return <Forbidden what="production readiness" />;
  const { byTeam, byTier, rules } = read.data;
  const total = byTier.reduce((n, r) => n + r.total, 0);
  const unmeasuredLevels = byTier.reduce((n, r) => n + servicesWithUnmeasuredLevels(r.levels), 0);
  const unmeasuredRules = RULES.filter((r) => r.awaits).length;
  return (
    <>
      <PageHeader
        title="Production readiness"
        description="Bronze, silver and gold: a level is reached when all its measured rules and those below pass. Levels are recomputed on every change and hourly."
      />
      {unmeasuredRules ? (
        <p
          className="mb-6 rounded-md border border-at-risk/40 bg-at-risk/10 px-4 py-3 text-sm"
          data-testid="unmeasured-note"
        >
          {plural(unmeasuredRules, { one: "rule is", other: "rules are" })} not measured yet (
          {RULES.filter((r) => r.awaits)
            .map((r) => r.title.toLowerCase())
            .join(", ")}
          : Pharos holds no data for them yet), so{" "}
          <strong>
            {unmeasuredLevels} of {plural(total, { one: "service's level", other: "services' levels" })}
          </strong>{" "}
          count rules nobody has checked. Each badge says how many.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <RollupCard title="By tier" by="tier" rows={byTier} />
        <RollupCard title="By team" by="team" rows={byTeam} />
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>The rules</CardTitle>
            <span className="text-xs text-muted-foreground">
              Over {plural(total, { one: "live service", other: "live services" })}
            </span>
          </CardHeader>
          <RuleStatsList rules={rules} />
        </Card>
      </div>
    </>
  );
}

function RollupCard({ title, by, rows }: { title: string; by: "tier" | "team"; rows: RollupRow[] }) {
  const label = (r: RollupRow) => (by === "tier" ? tierLabel(r.key) : r.label);
  return (
    <Card data-testid={`scorecards-by-${by}`}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <ul className="divide-y">
        {rows.map((row) => (
          <li key={row.key} className="grid gap-2 px-4 py-3">
            <Link href={rollupHref(by, row.key)} className="text-sm font-medium hover:underline">
              {label(row)}
            </Link>
            <RollupBar row={row} levelHref={rollupLevelHref(by, row.key)} />
          </li>
        ))}
      </ul>
      <RollupTable caption={`Readiness ${title.toLowerCase()}`} rows={rows} label={label} />
    </Card>
  );
}
