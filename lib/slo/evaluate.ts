/**
 * The reference evaluator: an SLO's status from its raw 5-minute buckets, by the rules of
 * docs/slo-math.md and nothing cleverer. It walks every bucket for every figure, so it is slow
 * on purpose; the SQL-backed status code reads rollups instead and is tested against this.
 */
import {
  ALERT_RULES,
  add,
  BURN_WINDOWS,
  type BurnWindow,
  budgetRemaining,
  burnRate,
  type Counts,
  EMPTY,
  evaluateRule,
  type RuleVerdict,
  type SloState,
  sli,
  sliceCounts,
  sloState,
  timeToExhaustion,
  type WindowFigures,
} from "./math";
import { toBuckets } from "./ranges";
import { bucketOf, type Interval, type WindowSpec, windowAt } from "./windows";

export type Budgeting =
  | { method: "occurrences" }
  | { method: "timeslices"; sliceMinutes: number; sliceTarget: number };

export type EvaluatedSlo = { target: number; window: WindowSpec; budgeting: Budgeting; minEvents: number };

/** One row of `sli_buckets`: `start` on a 5-minute boundary (ms since the epoch). */
export type Bucket = { start: number; good: number; total: number };

export type SloStatus = {
  window: Interval & { length: number };
  /** Events in the window, excluded buckets left out (under timeslices too). */
  counts: Counts;
  /** Timeslices only: good slices and slices with data in the window. */
  slices: Counts | null;
  sli: number | null;
  budgetRemaining: number | null;
  burnRates: Record<BurnWindow, number | null>;
  timeToExhaustionMs: number | null;
  equivalentMinutesRemaining: number | null;
  alerts: RuleVerdict[];
  state: SloState;
};

/** Whether the bucket starting at `start` loses its counts to an adjustment (any overlap). */
export function isExcluded(start: number, adjustments: readonly Interval[]): boolean {
  return adjustments.some((a) => {
    const cover = toBuckets(a);
    return cover.start <= start && start < cover.end;
  });
}

/** The status of `slo` read at `now`, from every bucket it has and its expanded adjustments. */
export function evaluateStatus(
  slo: EvaluatedSlo,
  buckets: readonly Bucket[],
  adjustments: readonly Interval[],
  now: number,
): SloStatus {
  const kept = buckets.filter((b) => !isExcluded(b.start, adjustments));
  const within = (r: Interval) => kept.filter((b) => r.start <= b.start && b.start < r.end);
  const countsIn = (r: Interval) => within(r).reduce<Counts>((sum, b) => add(sum, b), EMPTY);

  /** Good slices / slices with data, each slice cut to `r` and aligned to the UTC epoch. */
  const slicesIn = (r: Interval, sliceMinutes: number, sliceTarget: number): Counts => {
    const sliceMs = sliceMinutes * 60_000;
    const bySlice = new Map<number, Counts>();
    for (const b of within(r)) {
      const key = Math.floor(b.start / sliceMs);
      bySlice.set(key, add(bySlice.get(key) ?? EMPTY, b));
    }
    return sliceCounts([...bySlice.values()], sliceTarget);
  };
  const sliIn = (r: Interval): number | null =>
    slo.budgeting.method === "occurrences"
      ? sli(countsIn(r))
      : sli(slicesIn(r, slo.budgeting.sliceMinutes, slo.budgeting.sliceTarget));

  const w = windowAt(slo.window, now);
  const window = { start: w.start, end: w.end, length: w.length };
  const counts = countsIn(window);
  const slices =
    slo.budgeting.method === "timeslices"
      ? slicesIn(window, slo.budgeting.sliceMinutes, slo.budgeting.sliceTarget)
      : null;
  const value = sliIn(window);
  const remaining = budgetRemaining(value, slo.target);

  // Burn-rate windows end with the last finished bucket (the one before the bucket holding `now`).
  const e = bucketOf(now);
  const figures = {} as Record<BurnWindow, WindowFigures>;
  const burnRates = {} as Record<BurnWindow, number | null>;
  for (const name of Object.keys(BURN_WINDOWS) as BurnWindow[]) {
    const r = { start: e - BURN_WINDOWS[name], end: e };
    burnRates[name] = burnRate(sliIn(r), slo.target);
    // The min-event guard counts events, whichever the budgeting method.
    figures[name] = { ...countsIn(r), burnRate: burnRates[name] };
  }

  const alerts = ALERT_RULES.map((rule) => evaluateRule(rule, w.length, figures, slo.minEvents));
  return {
    window,
    counts,
    slices,
    sli: value,
    budgetRemaining: remaining,
    burnRates,
    timeToExhaustionMs: timeToExhaustion(remaining, w.length, burnRates["1h"]),
    equivalentMinutesRemaining: equivalentMinutes(slo, remaining, counts, slices, figures["1h"].total),
    alerts,
    state: sloState(
      remaining,
      alerts.some((a) => a.firing),
    ),
  };
}

/**
 * Minutes of total failure the budget still allows, never below 0.
 * Occurrences: remaining × (1 − target) × window events (the bad events still allowed) ÷ the
 * last hour's events per minute; null without traffic in the last hour.
 * Timeslices: total failure spoils every slice it touches, so remaining × (1 − target) ×
 * slices with data (the bad slices still allowed) × slice minutes, whatever the traffic.
 */
function equivalentMinutes(
  slo: EvaluatedSlo,
  remaining: number | null,
  counts: Counts,
  slices: Counts | null,
  lastHourTotal: number,
): number | null {
  if (remaining === null) return null;
  if (slo.budgeting.method === "timeslices" && slices) {
    return Math.max(0, remaining * (1 - slo.target) * slices.total * slo.budgeting.sliceMinutes);
  }
  if (lastHourTotal <= 0) return null;
  const perMinute = lastHourTotal / 60;
  return Math.max(0, (remaining * (1 - slo.target) * counts.total) / perMinute);
}
