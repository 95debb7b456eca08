import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";

const TIER_LABEL: Record<string, string> = {
  tier0: "Tier 0 · critical",
  tier1: "Tier 1 · high",
  tier2: "Tier 2 · medium",
  tier3: "Tier 3 · low",
};

export function CatalogOverview({
  summary,
}: {
  summary: { byTier: { tier: string; n: number }[]; services: number; teams: number };
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Catalog</CardTitle>
        <Link href="/services" className="text-sm text-primary hover:underline">
          All services
        </Link>
      </CardHeader>
      <CardBody className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Services" value={summary.services} href="/services" />
        <Stat label="Teams" value={summary.teams} href="/teams" />
        {summary.byTier.map((t) => (
          <Stat
            key={t.tier}
            label={TIER_LABEL[t.tier] ?? t.tier}
            value={t.n}
            href={`/services?tier=${t.tier}`}
          />
        ))}
      </CardBody>
    </Card>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link href={href} className="rounded-md border p-3 hover:bg-accent">
      <span className="block text-2xl font-semibold tabular-nums">{value}</span>
      <span className="block text-xs text-muted-foreground">{label}</span>
    </Link>
  );
}
