import { RollupBar, type RollupRow } from "@/components/catalog/rollup-bar";
import { RollupTable } from "@/components/catalog/rollup-table";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { rollupHref, rollupLevelHref, tierLabel } from "@/lib/catalog/rollup-links";
import { plural } from "@/lib/plural";

type Readiness = {
  byTier: RollupRow[];
  byTeam: RollupRow[];
  signals: { key: string; label: string; count: number; href: string }[];
  total: number;
};

/** The executive's question: how ready are our services, where not, and who owns the gap. */
export function ReadinessOverview({ readiness }: { readiness: Readiness }) {
  return (
    <>
      <Card data-testid="home-signals">
        <CardHeader>
          <CardTitle>Needs attention</CardTitle>
          <Link href="/scorecards" className="text-sm text-primary hover:underline">
            All readiness rules
          </Link>
        </CardHeader>
        <CardBody className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {readiness.signals.map((s) => (
            <Link
              key={s.key}
              href={s.href}
              className="rounded-md border p-3 hover:bg-accent"
              data-testid={`signal-${s.key}`}
            >
              <span
                className={`block text-2xl font-semibold tabular-nums ${s.count ? "text-breaching-fg" : ""}`}
              >
                {s.count}
              </span>
              <span className="block text-xs text-muted-foreground">{s.label}</span>
            </Link>
          ))}
        </CardBody>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <RollupCard title="Readiness by tier" by="tier" rows={readiness.byTier} total={readiness.total} />
        <RollupCard title="Readiness by team" by="team" rows={readiness.byTeam} total={readiness.total} />
      </div>
    </>
  );
}

function RollupCard({
  title,
  by,
  rows,
  total,
}: {
  title: string;
  by: "tier" | "team";
  rows: RollupRow[];
  total: number;
}) {
  const label = (r: RollupRow) => (by === "tier" ? tierLabel(r.key) : r.label);
  return (
    <Card data-testid={`readiness-by-${by}`}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <span className="text-xs text-muted-foreground">
          {plural(total, { one: "live service", other: "live services" })}
        </span>
      </CardHeader>
      <ul className="divide-y">
        {rows.map((row) => (
          <li key={row.key} className="grid gap-1.5 px-4 py-2.5">
            <Link href={rollupHref(by, row.key)} className="text-sm font-medium hover:underline">
              {label(row)}
            </Link>
            <RollupBar row={row} levelHref={rollupLevelHref(by, row.key)} />
          </li>
        ))}
      </ul>
      <RollupTable caption={title} rows={rows} label={label} />
    </Card>
  );
}
