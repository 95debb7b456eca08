/**
 * The incident metrics of the design doc, exactly, as pure functions: the reference a SQL
 * implementation is checked against. Each definition is chosen to have a one-line mirror in
 * PostgreSQL (noted beside it). Inside, times are ms since the epoch; outside, seconds.
 */
import { clip, type Interval, mergeIntervals, overlapLength, totalLength } from "./intervals";
import { type Summary, summarize } from "./summary";

export { type Interval, mergeIntervals } from "./intervals";
export { percentileCont, type Summary, summarize } from "./summary";

export type IncidentStatus = "open" | "mitigated" | "resolved" | "closed" | "cancelled" | "duplicate";
export type IncidentTimes = {
  status: IncidentStatus;
  impactStartedAt: Date | null;
  detectedAt: Date | null;
  declaredAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
};
/** Half-open: from ≤ t < to. */
export type Period = { from: Date; to: Date };

export type IncidentMetrics = {
  /** Incidents that started in the period (the failures). */
  incidents: number;
  /** Of those, the ones not resolved yet: they are left out of MTTR, not counted as zero. */
  open: number;
  mttd: Summary;
  mtta: Summary;
  mttr: Summary;
  mtbf: { seconds: number | null; failures: number; downtimeSeconds: number; periodSeconds: number };
};

export type WeekImpact = { weekStart: Date; incidents: number; impactMinutes: number };

/** What the UI shows beside each number. Each states what the code below computes: change both together. */
export const METRIC_DEFINITIONS = {
  mttd: "Mean time to detect: from impact start to detection, over incidents that started in the period and record both.",
  mtta: "Mean time to acknowledge: from declaration to acknowledgement, over incidents that started in the period and were acknowledged.",
  mttr: "Mean time to resolve: from impact start (or declaration, when impact start is unknown) to resolution, over resolved incidents that started in the period; unresolved ones are shown as open.",
  mtbf: "Mean time between failures: the period's time with no incident ongoing, divided by the incidents that started in it. Overlapping incidents count once.",
} as const satisfies Record<"mttd" | "mtta" | "mttr" | "mtbf", string>;

/** Cancelled and duplicate incidents were never failures of their own: they count nowhere. */
export const isCounted = (i: IncidentTimes): boolean => i.status !== "cancelled" && i.status !== "duplicate";

/** coalesce(impact_started_at, declared_at): impact is often only known from the declaration. */
export const incidentStart = (i: IncidentTimes): number => (i.impactStartedAt ?? i.declaredAt).getTime();

const seconds = (from: number, to: number) => (to - from) / 1000;

/**
 * The merged downtime inside the period: the union of [start, resolved ?? period end) of every
 * counted incident, each clipped to the period, so incidents spanning the period's edges count
 * their inside part and overlaps count once. An unresolved incident runs to the period's end:
 * a period reaching into the future would count future downtime, so end current periods now.
 * SQL: `range_agg(tstzrange(s, greatest(s, coalesce(resolved_at, $to))) * tstzrange($from, $to))`.
 */
export function downtimeIntervals(incidents: readonly IncidentTimes[], period: Period): Interval[] {
  const within = { start: period.from.getTime(), end: period.to.getTime() };
  const parts: Interval[] = [];
  for (const i of incidents) {
    if (!isCounted(i)) continue;
    const part = clip({ start: incidentStart(i), end: i.resolvedAt?.getTime() ?? within.end }, within);
    if (part) parts.push(part);
  }
  return mergeIntervals(parts);
}

/** The counted incidents whose start lies in [from, to): the period's failures. */
function startedIn(incidents: readonly IncidentTimes[], from: number, to: number): IncidentTimes[] {
  return incidents.filter((i) => isCounted(i) && incidentStart(i) >= from && incidentStart(i) < to);
}

export function incidentMetrics(incidents: readonly IncidentTimes[], period: Period): IncidentMetrics {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const failures = startedIn(incidents, from, to);
  const detect: number[] = [];
  const ack: number[] = [];
  const resolve: number[] = [];
  for (const i of failures) {
    if (i.impactStartedAt && i.detectedAt)
      detect.push(seconds(i.impactStartedAt.getTime(), i.detectedAt.getTime()));
    if (i.acknowledgedAt) ack.push(seconds(i.declaredAt.getTime(), i.acknowledgedAt.getTime()));
    if (i.resolvedAt) resolve.push(seconds(incidentStart(i), i.resolvedAt.getTime()));
  }
  const downtimeSeconds = totalLength(downtimeIntervals(incidents, period)) / 1000;
  const periodSeconds = Math.max(0, seconds(from, to));
  return {
    incidents: failures.length,
    open: failures.length - resolve.length,
    mttd: summarize(detect),
    mtta: summarize(ack),
    mttr: summarize(resolve),
    mtbf: {
      seconds: failures.length > 0 ? (periodSeconds - downtimeSeconds) / failures.length : null,
      failures: failures.length,
      downtimeSeconds,
      periodSeconds,
    },
  };
}

const WEEK_MS = 7 * 24 * 60 * 60_000;
/** 1970-01-05T00:00Z, the first Monday after the epoch (a Thursday). */
const FIRST_MONDAY_MS = 4 * 24 * 60 * 60_000;

/** The Monday 00:00 UTC that starts t's ISO week; SQL: `date_trunc('week', t, 'UTC')`. */
export function isoWeekStart(t: number): number {
  return t - ((((t - FIRST_MONDAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS);
}

/**
 * Every ISO week that overlaps the period, in order: the incidents that started in it (and in
 * the period) and the minutes of merged downtime in week ∩ period, unrounded. The weeks at the
 * edges count only their part inside the period, so the weeks add up to incidentMetrics'
 * incidents and downtime (the minutes up to float rounding).
 */
export function weeklyImpact(incidents: readonly IncidentTimes[], period: Period): WeekImpact[] {
  const from = period.from.getTime();
  const to = period.to.getTime();
  if (!(from < to)) return [];
  const downtime = downtimeIntervals(incidents, period);
  const starts = startedIn(incidents, from, to).map(incidentStart);
  const weeks: WeekImpact[] = [];
  for (let week = isoWeekStart(from); week < to; week += WEEK_MS) {
    const end = week + WEEK_MS;
    weeks.push({
      weekStart: new Date(week),
      incidents: starts.filter((t) => t >= week && t < end).length,
      impactMinutes: overlapLength(downtime, { start: week, end }) / 60_000,
    });
  }
  return weeks;
}
