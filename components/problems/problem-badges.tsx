import { Icon } from "@/components/ui/icon";
import type { ProblemState } from "@/db/schema/incidents";
import { PROBLEM_STATE_LABELS } from "@/lib/incidents/problem-states";

/** A problem's state in the one state palette of problems (`.prb-*` in globals.css). */
export function ProblemStateBadge({ state }: { state: ProblemState }) {
  return (
    <span className={`badge prb-${state}`} data-problem-state={state}>
      {PROBLEM_STATE_LABELS[state]}
    </span>
  );
}

/**
 * A known error stands while the problem is one or lives with it (risk accepted): its cause
 * or workaround is on record for responders. Resolving it, or reopening it, retires the record.
 */
export const standsAsKnownError = (state: ProblemState) =>
  state === "known_error" || state === "risk_accepted";

/** The known-error flag, with the day it became one. */
export function KnownErrorFlag({ since }: { since: string }) {
  return (
    <span className="badge badge-warning" data-testid="known-error-flag">
      <Icon name="i-book-marked" className="size-3" />
      Since {since.slice(0, 10)}
    </span>
  );
}

export const problemReference = (n: number) => `PRB-${n}`;
