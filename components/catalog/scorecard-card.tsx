import { CircleCheck, CircleDashed, CircleX } from "lucide-react";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import type { Scorecard } from "@/lib/catalog/scorecard";
import { LevelBadge } from "./level-badge";

const ICON = {
  pass: <CircleCheck className="size-4 text-healthy-fg" aria-label="passes" />,
  fail: <CircleX className="size-4 text-breaching-fg" aria-label="fails" />,
  "n/a": <CircleDashed className="size-4 text-muted-foreground" aria-label="not applicable yet" />,
};

export function ScorecardCard({ card }: { card: Scorecard }) {
  return (
    <Card data-testid="scorecard">
      <CardHeader>
        <CardTitle>Production readiness</CardTitle>
        <span className="flex items-center gap-2 text-xs text-muted-foreground">
          {card.passed}/{card.applicable} rules <LevelBadge level={card.level} />
        </span>
      </CardHeader>
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
              <span className={outcome === "n/a" ? "text-muted-foreground" : undefined}>{rule.title}</span>
              {outcome === "fail" ? (
                <span className="block text-xs text-muted-foreground">{rule.fix}</span>
              ) : null}
              {outcome === "n/a" ? (
                <span className="block text-xs text-muted-foreground">Not applicable (yet).</span>
              ) : null}
            </span>
            <span className="text-xs uppercase text-muted-foreground">{rule.level}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
