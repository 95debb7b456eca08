import { actionItemSource } from "@/components/problems/action-item-labels";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import type { ActionItemRow } from "@/lib/incidents/action-item-queries";
import { plural } from "@/lib/plural";

type Mine = { items: ActionItemRow[]; total: number; overdue: number };

/**
 * "My action items": the person's open ones, overdue first and marked so, each with its due
 * date and the postmortem or problem it came from. Rows are named classes (`.ai-line`): the
 * home page has a weight budget.
 */
export function MyActionItems({ mine }: { mine: Mine }) {
  return (
    <Card data-testid="my-action-items">
      <CardHeader>
        <div className="grid gap-0.5">
          <CardTitle>My action items</CardTitle>
          {mine.total ? (
            <p className="text-xs text-muted-foreground">
              {plural(mine.total, { one: "open item", other: "open items" })}
              {mine.overdue ? (
                <>
                  , <span className="font-medium text-breaching-fg">{mine.overdue} overdue</span>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
        {mine.total > mine.items.length ? (
          <Link href="/action-items?owner=me" className="text-sm text-primary hover:underline">
            All {mine.total}
          </Link>
        ) : null}
      </CardHeader>
      {mine.items.length ? (
        <ul className="divide-y">
          {mine.items.map((a) => {
            const from = actionItemSource(a.parent);
            return (
              <li
                key={a.id}
                className={a.overdue ? "ai-line overdue" : "ai-line"}
                data-overdue={a.overdue || undefined}
              >
                <Link href={from.href}>{a.title}</Link>
                <small>{from.label}</small>
                <time dateTime={a.dueOn ?? undefined}>
                  {a.dueOn ? `${a.overdue ? "Overdue · was due" : "Due"} ${a.dueOn}` : "No due date"}
                </time>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState icon="i-list-checks" title="No open action items">
          Action items you own, from postmortems and problems, show here with their due dates.
        </EmptyState>
      )}
    </Card>
  );
}
