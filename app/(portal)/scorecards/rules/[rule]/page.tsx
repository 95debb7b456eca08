import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { LevelBadge } from "@/components/catalog/level-badge";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { scorecardRulePageRead } from "@/lib/catalog/reads";
import { FIX_LABELS, fixHref, RULES } from "@/lib/catalog/scorecard";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";

export async function generateMetadata({ params }: PageProps<"/scorecards/rules/[rule]">): Promise<Metadata> {
  const { rule: id } = await params;
  const rule = RULES.find((r) => r.id === id);
  return { title: rule ? `Failing: ${rule.title}` : "Readiness rule" };
}

/** The drill-down behind a failing count on the scorecards page: who fails the rule, and the fix. */
export default async function RulePage({ params, searchParams }: PageProps<"/scorecards/rules/[rule]">) {
  const read = await pageQuery(scorecardRulePageRead, { ...(await searchParams), rule: (await params).rule });
  if (!read.ok) return <Forbidden what="production readiness" />;
  const { rule, items, total, paging } = read.data;
  return (
    <>
      <PageHeader
        title={rule.title}
        description={`${rule.level[0].toUpperCase()}${rule.level.slice(1)} rule. ${rule.fix}`}
        actions={
          <Link href="/scorecards" className="text-sm text-primary hover:underline">
            All rules
          </Link>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{plural(total, { one: "service fails", other: "services fail" })} this rule</CardTitle>
          <span className="text-xs text-muted-foreground">Most critical tier first</span>
        </CardHeader>
        {items.length ? (
          <>
            <ul className="divide-y text-sm" data-testid="rule-failures">
              {items.map((s) => (
                <li key={s.slug} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5">
                  <Link href={`/services/${s.slug}`} className="font-medium hover:underline">
                    {s.name}
                  </Link>
                  <TierBadge tier={s.tier} />
                  <LevelBadge level={s.level} />
                  <span className="text-xs text-muted-foreground">
                    {s.teamSlug ? (
                      <Link href={`/teams/${s.teamSlug}`} className="hover:underline">
                        {s.teamName}
                      </Link>
                    ) : (
                      "No owning team"
                    )}
                  </span>
                  <Link
                    href={fixHref(s.slug, rule.fixAt)}
                    className="ml-auto whitespace-nowrap text-primary hover:underline"
                  >
                    {FIX_LABELS[rule.fixAt]}
                  </Link>
                </li>
              ))}
            </ul>
            <Pagination
              basePath={`/scorecards/rules/${rule.id}`}
              params={{}}
              page={paging.page}
              pageSize={paging.pageSize}
              total={total}
            />
          </>
        ) : (
          <EmptyState icon={CircleCheck} title="No service fails this rule">
            Every live service passes it, or it does not apply to them.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
