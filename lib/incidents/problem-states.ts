import type { ProblemState } from "@/db/schema/incidents";

/*
 * A problem's life (ITIL problem management): it is investigated until its root cause or a
 * workaround is known (a known error), then either fixed (resolved) or lived with
 * (risk accepted). Resolved and accepted problems reopen to investigating when the cause
 * turns out to be elsewhere or the risk is reconsidered.
 */
export const PROBLEM_MOVES: Record<ProblemState, readonly ProblemState[]> = {
  new: ["investigating"],
  investigating: ["known_error"],
  known_error: ["resolved", "risk_accepted", "investigating"],
  resolved: ["investigating"],
  risk_accepted: ["investigating"],
};

export const canMoveProblem = (from: ProblemState, to: ProblemState) => PROBLEM_MOVES[from].includes(to);

export const PROBLEM_STATE_LABELS: Record<ProblemState, string> = {
  new: "New",
  investigating: "Investigating",
  known_error: "Known error",
  resolved: "Resolved",
  risk_accepted: "Risk accepted",
};

/**
 * Why the problem cannot be in `state` with these fields, by field; empty when it can. A
 * known error keeps its root cause or workaround written down for as long as it is one;
 * accepting a risk needs the reason it is accepted, given when it is accepted (`entering`).
 */
export function stateErrors(
  state: ProblemState,
  p: { rootCause: string; workaround: string; reason?: string },
  entering = true,
): Record<string, string> {
  if (state === "known_error" && !p.rootCause.trim() && !p.workaround.trim()) {
    const message = "A known error has its root cause or a workaround written down.";
    return { rootCause: message, workaround: message };
  }
  if (state === "risk_accepted" && entering && !p.reason?.trim())
    return { reason: "Say why the risk is accepted; the reason is kept in the problem's history." };
  return {};
}

/** The stamps a move sets: when it became a known error, when it was resolved (cleared on reopening). */
export function stampsFor(from: ProblemState, to: ProblemState, now: Date) {
  const stamps: { knownErrorAt?: Date; resolvedAt?: Date | null } = {};
  if (to === "known_error" && from !== "known_error") stamps.knownErrorAt = now;
  if (to === "resolved") stamps.resolvedAt = now;
  else if (from === "resolved") stamps.resolvedAt = null;
  return stamps;
}
