import { LevelBadge } from "@/components/catalog/level-badge";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import type { Tier } from "@/db/schema/enums";
import { FIX_LABELS, type FixAt, fixHref } from "@/lib/catalog/scorecard";
import { plural } from "@/lib/plural";

type Queue = {
  items: {
    slug: string;
    name: string;
    tier: Tier;
    level: string;
    teamName: string | null;
    failing: { id: string; title: string; fix: string; fixAt: FixAt }[];
  }[];
  total: number;
  href: string;
};

const FIX_ICONS = {
  edit: "i-pencil",
  verify: "i-shield-check",
  slo: "i-activity",
  actions: "i-list-checks",
} as const;

/**
 * "What needs you": the caller's teams' services failing readiness rules, most critical first.
 * A rule's line is styled by `.wq-rules` (globals.css): it repeats some fifty times on the
 * home page, in its markup and again in its RSC payload.
 */
export function WorkQueue({ queue, onTeams }: { queue: Queue; onTeams: boolean }) {
  return (
    <Card data-testid="work-queue">
      <CardHeader>
        <CardTitle>What needs you</CardTitle>
        {queue.total ? (
          <Link href={queue.href} className="text-sm text-primary hover:underline">
            {queue.total > queue.items.length
              ? `All ${plural(queue.total, { one: "service", other: "services" })}`
              : "In the catalog"}
          </Link>
        ) : null}
      </CardHeader>
      {queue.items.length ? (
        <ol className="divide-y">
          {queue.items.map((item) => (
            <li key={item.slug} className="grid gap-2 px-4 py-3" data-testid={`queue-${item.slug}`}>
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/services/${item.slug}`} className="font-medium hover:underline">
                  {item.name}
                </Link>
                <TierBadge tier={item.tier} />
                <LevelBadge level={item.level} />
                {item.teamName ? (
                  <span className="text-xs text-muted-foreground">{item.teamName}</span>
                ) : null}
              </div>
              <ul className="wq-rules">
                {item.failing.map((f) => (
                  <li key={f.id}>
                    <b>{f.title}:</b>
                    {f.fix}
                    <Link href={fixHref(item.slug, f.fixAt)} data-testid={`fix-${item.slug}-${f.id}`}>
                      <Icon name={FIX_ICONS[f.fixAt]} className="size-3" />
                      {FIX_LABELS[f.fixAt]}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState icon="i-circle-check" title={onTeams ? "Nothing needs you" : "No services of yours yet"}>
          {onTeams
            ? "Every service your teams own passes every measured readiness rule."
            : "Once an admin adds you to a team, its services' open readiness work shows here."}
        </EmptyState>
      )}
    </Card>
  );
}
