import type { ProblemState } from "@/db/schema/incidents";
import { dateTime } from "@/lib/format";
import type { ProblemDetail } from "@/lib/incidents/problem-queries";
import { PROBLEM_STATE_LABELS } from "@/lib/incidents/problem-states";

/** Who moved the problem where, when and why, oldest first (from the audit log). */
export function ProblemHistory({ history }: { history: ProblemDetail["history"] }) {
  if (!history.length) return <p className="text-sm text-muted-foreground">No history recorded.</p>;
  return (
    <ol className="timeline" data-testid="problem-history">
      {history.map((h, i) => (
        <li key={`${h.at}-${i}`} className={h.from ? "kind-status" : "kind-declared"}>
          <p className="text-sm">
            {h.from
              ? `${PROBLEM_STATE_LABELS[h.from as ProblemState]} → ${PROBLEM_STATE_LABELS[h.to]}`
              : "Opened as new"}
          </p>
          {h.reason ? (
            <p className="whitespace-pre-wrap text-sm text-muted-foreground">“{h.reason}”</p>
          ) : null}
          <p className="text-xs text-muted-foreground">
            {h.by} · <time dateTime={h.at}>{dateTime(h.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
