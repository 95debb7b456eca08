import { CircleCheck, CircleDashed, CircleHelp, CircleX } from "lucide-react";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import type { Scorecard } from "@/lib/catalog/scorecard";
import { plural } from "@/lib/plural";
import { LevelBadge } from "./level-badge";

const ICON = {
  pass: <CircleCheck className="size-4 text-healthy-fg" aria-label="passes" />,
  fail: <CircleX className="size-4 text-breaching-fg" aria-label="fails" />,
  "n/a": <CircleDashed className="size-4 text-muted-foreground" aria-label="does not apply" />,
  unmeasured: <CircleHelp className="size-4 text-at-risk-fg" aria-label="not measured yet" />,
};

const NOTE = {
  "n/a": "Does not apply to this tier.",
  unmeasured: "Not measured yet: Pharos holds no data for it, so it neither passes nor fails.",
};

export function ScorecardCard({ card }: { card: Scorecard }) {
  const unmeasuredRules = card.results.filter((r) => r.outcome === "unmeasured").length;
  return (
    <Card data-testid="scorecard">
      <CardHeader>
        <CardTitle>Production readiness</CardTitle>
        <LevelBadge level={card.level} unmeasured={card.unmeasured} />
      </CardHeader>
      <p className="border-b px-4 py-2 text-sm text-muted-foreground" data-testid="scorecard-summary">
        {card.passed} of {plural(card.applicable, { one: "measured rule", other: "measured rules" })} pass
        {unmeasuredRules
          ? ` · ${plural(unmeasuredRules, { one: "rule is", other: "rules are" })} not measured yet`
          : ""}
        .
      </p>
      {card.nextLevel ? (
        <p className="border-b px-4 py-2 text-sm">
          To reach <strong>{card.nextLevel.level}</strong>:{" "}
          {card.nextLevel.failing.map((r) => r.fix).join(" ")}
        </p>
      ) : null}
      <ul className="divide-y text-sm">
        {card.results.map(({ rule, outcome }) => (
          <li
            key={rule.id}
            className="flex items-start gap-2 px-4 py-2"
            data-testid={`rule-${rule.id}`}
            data-outcome={outcome}
          >
            <span className="mt-0.5">{ICON[outcome]}</span>
            <span className="min-w-0 flex-1">
              <span
                className={outcome === "pass" || outcome === "fail" ? undefined : "text-muted-foreground"}
              >
                {rule.title}
              </span>
              {outcome === "fail" ? (
                <span className="block text-xs text-muted-foreground">{rule.fix}</span>
              ) : null}
              {outcome === "n/a" || outcome === "unmeasured" ? (
                <span className="block text-xs text-muted-foreground">{NOTE[outcome]}</span>
              ) : null}
            </span>
            <span className="text-xs uppercase text-muted-foreground">{rule.level}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
