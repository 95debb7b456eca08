import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import type { SuggestionRow } from "@/lib/incidents/problem-queries";
import { plural } from "@/lib/plural";
import { SuggestionItem } from "./suggestion-item";

/** How many suggestions show before the rest fold away: the problems themselves are the page. */
const SHOWN = 4;

/**
 * "Suggested problems": groups of a service's recent incidents, not yet linked to a problem,
 * that look alike (similar titles) or share a cause. Engineers accept or dismiss; others read.
 * A service's suggestions sit together, as both kinds often name the same incidents.
 */
export function SuggestedProblems({ items, mayManage }: { items: SuggestionRow[]; mayManage: boolean }) {
  const sorted = [...items].sort(
    (a, b) => a.service.slug.localeCompare(b.service.slug) || b.kind.localeCompare(a.kind),
  );
  const item = (s: SuggestionRow) => <SuggestionItem key={s.id} suggestion={s} mayManage={mayManage} />;
  return (
    <Card
      className="mb-5 min-w-0 overflow-hidden break-words"
      aria-labelledby="suggestions-title"
      data-testid="suggestions"
    >
      <CardHeader>
        <div className="grid gap-0.5">
          <CardTitle id="suggestions-title" className="flex items-center gap-2">
            <Icon name="i-lightbulb" className="text-at-risk-fg" />
            Suggested problems
            {items.length ? <span className="badge">{items.length}</span> : null}
          </CardTitle>
          <p className="text-xs text-muted-foreground">
            Three or more incidents on one service within 90 days, with similar titles or the same cause, and
            no problem yet.
          </p>
        </div>
      </CardHeader>
      {items.length ? (
        <>
          <ul className="divide-y">{sorted.slice(0, SHOWN).map(item)}</ul>
          {sorted.length > SHOWN ? (
            <details className="border-t">
              <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-primary">
                {plural(sorted.length - SHOWN, { one: "more suggestion", other: "more suggestions" })}
              </summary>
              <ul className="divide-y border-t">{sorted.slice(SHOWN).map(item)}</ul>
            </details>
          ) : null}
        </>
      ) : (
        <p className="px-4 py-3 text-sm text-muted-foreground" data-testid="no-suggestions">
          Nothing to suggest: no unlinked incidents repeat right now.
        </p>
      )}
    </Card>
  );
}
