import { INCIDENT_TIMES, type IncidentStatus, type IncidentTime, type Severity } from "@/db/schema/incidents";

/*
 * The incident lifecycle as plain data and functions: which status may follow which, what a
 * status needs recorded, and the order the seven timestamps must keep. Commands, forms and
 * property tests all use these, so the rules exist once.
 */

export const TIME_LABELS: Record<IncidentTime, string> = {
  impactStartedAt: "Impact started",
  detectedAt: "Detected",
  declaredAt: "Declared",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
  closedAt: "Closed",
};

/**
 * Where each status may go. Mitigated and resolved may reopen (the fix did not hold);
 * closed, cancelled and duplicate are final: a recurrence is a new incident.
 */
export const NEXT_STATUSES: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ["mitigated", "resolved", "cancelled", "duplicate"],
  mitigated: ["open", "resolved", "cancelled", "duplicate"],
  resolved: ["open", "closed"],
  closed: [],
  cancelled: [],
  duplicate: [],
};

export const ACTIVE_STATUSES: readonly IncidentStatus[] = ["open", "mitigated"];
export const isActive = (status: IncidentStatus) => ACTIVE_STATUSES.includes(status);
/** Sev1 and sev2 are major: they raise the banner, need a postmortem, and gate changes. */
export const isMajor = (severity: Severity) => severity === "sev1" || severity === "sev2";

export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** The time a status records, stamped when the incident first reaches it. */
const STAMPED_BY: Partial<Record<IncidentStatus, IncidentTime>> = {
  mitigated: "mitigatedAt",
  resolved: "resolvedAt",
  closed: "closedAt",
};

/** The times a status requires to be set (a closed incident was resolved, and when). */
export function requiredTimes(status: IncidentStatus): IncidentTime[] {
  if (status === "closed") return ["resolvedAt", "closedAt"];
  if (status === "resolved") return ["resolvedAt"];
  if (status === "mitigated") return ["mitigatedAt"];
  return [];
}

/** Times of stages after `status`: an incident in it has none, so moving back clears them. */
export function laterTimes(status: IncidentStatus): IncidentTime[] {
  if (status === "open") return ["mitigatedAt", "resolvedAt", "closedAt"];
  if (status === "mitigated") return ["resolvedAt", "closedAt"];
  if (status === "resolved") return ["closedAt"];
  return [];
}

export type Times = Record<IncidentTime, Date | null>;

/**
 * The times after moving to `to` at `now`: the status's own time is stamped if unset (and a
 * resolution also marks mitigation, which it implies), a reopening clears the later ones.
 */
export function timesAfterMove(times: Times, to: IncidentStatus, now: Date): Times {
  const next = { ...times };
  for (const field of laterTimes(to)) next[field] = null;
  const stamp = STAMPED_BY[to];
  if (stamp && !next[stamp]) next[stamp] = now;
  if ((to === "resolved" || to === "closed") && !next.mitigatedAt) next.mitigatedAt = next.resolvedAt;
  return next;
}

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** How far ahead of the server's clock a time may be: clocks drift, typing takes a minute. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Field errors for times that break the order impact started ≤ detected ≤ declared ≤
 * acknowledged ≤ mitigated ≤ resolved ≤ closed (among those set), lie in the future, or are
 * missing for the status (or set too early for it). Empty when the times are acceptable.
 */
export function timeErrors(
  times: Times,
  status: IncidentStatus,
  now: Date,
): Partial<Record<IncidentTime, string>> {
  const errors: Partial<Record<IncidentTime, string>> = {};
  for (const field of requiredTimes(status)) {
    if (!times[field]) errors[field] = `A ${status} incident needs its "${TIME_LABELS[field]}" time.`;
  }
  for (const field of laterTimes(status)) {
    if (times[field])
      errors[field] = `An incident that is ${status} has no "${TIME_LABELS[field]}" time yet.`;
  }
  for (const [i, field] of INCIDENT_TIMES.entries()) {
    const value = times[field];
    if (!value || errors[field]) continue;
    if (value.getTime() > now.getTime() + FUTURE_SLACK_MS) {
      errors[field] = `${TIME_LABELS[field]} cannot be in the future.`;
      continue;
    }
    // The nearest earlier time that is set is the one it must not precede.
    for (const earlier of INCIDENT_TIMES.slice(0, i).reverse()) {
      const before = times[earlier];
      if (!before) continue;
      if (value < before) {
        errors[field] =
          `${TIME_LABELS[field]} (${when(value)}) cannot be before ${TIME_LABELS[earlier].toLowerCase()} (${when(before)}).`;
      }
      break;
    }
  }
  return errors;
}

/** Whether the set times are in order, ignoring the clock and the status: the database's own check. */
export function timesInOrder(times: Times): boolean {
  const set = INCIDENT_TIMES.map((f) => times[f]).filter((d): d is Date => d !== null);
  return set.every((d, i) => i === 0 || set[i - 1] <= d);
}

/** The start of impact the metrics use: impact started, else declared. */
export const impactStart = (t: { impactStartedAt: Date | null; declaredAt: Date }): Date =>
  t.impactStartedAt ?? t.declaredAt;
