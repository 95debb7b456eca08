import { Fragment } from "react";
import { Icon } from "@/components/ui/icon";
import type { ProblemState } from "@/db/schema/incidents";
import { PROBLEM_STATE_LABELS } from "@/lib/incidents/problem-states";
import { cn } from "@/lib/utils";

const PATH: ProblemState[] = ["new", "investigating", "known_error"];
const ENDS: ProblemState[] = ["resolved", "risk_accepted"];
const rank = (s: ProblemState) => (ENDS.includes(s) ? PATH.length : PATH.indexOf(s));

/** Where the problem is on its way: new → investigating → known error → resolved or risk accepted. */
export function ProblemStatePath({ state }: { state: ProblemState }) {
  const step = (s: ProblemState) => {
    const current = s === state;
    const passed = !current && rank(s) < rank(state);
    return (
      <li
        aria-current={current ? "step" : undefined}
        className={cn(
          "badge",
          current
            ? `prb-${s} ring-1 ring-current`
            : passed
              ? "bg-transparent"
              : "border-dashed bg-transparent font-normal text-muted-foreground",
        )}
      >
        {passed ? <Icon name="i-check" label="done:" className="size-3" /> : null}
        {PROBLEM_STATE_LABELS[s]}
      </li>
    );
  };
  const between = (text: string) => (
    <li aria-hidden className="text-xs text-muted-foreground">
      {text}
    </li>
  );
  return (
    <ol
      className="flex flex-wrap items-center gap-1.5"
      aria-label="Problem lifecycle"
      data-testid="state-path"
    >
      {PATH.map((s) => (
        <Fragment key={s}>
          {step(s)}
          {between("→")}
        </Fragment>
      ))}
      {step(ENDS[0])}
      {between("or")}
      {step(ENDS[1])}
    </ol>
  );
}
