"use client";

import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { RULES, type ScorecardView } from "@/lib/catalog/scorecard";
import { plural } from "@/lib/plural";
import { LevelBadge } from "./level-badge";

const ICON = {
  pass: <Icon name="i-circle-check" className="size-4 text-healthy-fg" label="passes" />,
  fail: <Icon name="i-circle-x" className="size-4 text-breaching-fg" label="fails" />,
  "n/a": <Icon name="i-circle-dashed" className="size-4 text-muted-foreground" label="does not apply" />,
  unmeasured: <Icon name="i-circle-help" className="size-4 text-at-risk-fg" label="not measured yet" />,
};

const NOTE = {
  "n/a": "Does not apply to this tier.",
  unmeasured: "Not measured yet: Pharos holds no data for it, so it neither passes nor fails.",
};

const RULE = new Map(RULES.map((r) => [r.id, r]));

/** A service's readiness: its level, each rule's outcome, and what the next level needs. */
export function ScorecardCard({ card }: { card: ScorecardView }) {
  const results = RULES.filter((r) => card.outcomes[r.id]).map((rule) => ({
    rule,
    outcome: card.outcomes[rule.id],
  }));
  const unmeasuredRules = results.filter((r) => r.outcome === "unmeasured").length;
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
          {card.nextLevel.failing.map((id) => RULE.get(id)?.fix).join(" ")}
        </p>
      ) : null}
      <ul className="divide-y text-sm">
        {results.map(({ rule, outcome }) => (
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
