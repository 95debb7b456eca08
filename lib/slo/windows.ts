import type { CalendarUnit } from "@/db/schema/slo";
import { localParts, zonedInstant } from "./time-zone";

export const BUCKET_MS = 5 * 60_000;
export const HOUR_MS = 60 * 60_000;
export const DAY_MS = 24 * HOUR_MS;

export type WindowSpec =
  | { type: "rolling"; days: number }
  | { type: "calendar"; unit: CalendarUnit; timeZone: string };

/** A half-open interval of instants (ms since the epoch): start ≤ t < end. */
export type Interval = { start: number; end: number };

/** The start of the 5-minute bucket holding `t`. */
export const bucketOf = (t: number) => Math.floor(t / BUCKET_MS) * BUCKET_MS;

/**
 * The buckets an SLO's window covers when read at `now` (docs/slo-math.md states the rules):
 * - rolling N days: the bucket holding `now` and the ones before it, N days of them —
 *   starts in [e − N days, e) where e is the end of the bucket holding `now`;
 * - calendar week (from Monday), month or quarter: from local midnight of the period's
 *   first day in the SLO's time zone up to the end of the bucket holding `now`.
 * `length` is the window's full length (a calendar period's, however much has passed),
 * which scales the alert thresholds and the time to exhaustion.
 */
export function windowAt(spec: WindowSpec, now: number): Interval & { length: number; periodEnd: number } {
  const end = bucketOf(now) + BUCKET_MS;
  if (spec.type === "rolling") {
    const length = spec.days * DAY_MS;
    return { start: end - length, end, length, periodEnd: end };
  }
  const period = calendarPeriod(spec.unit, spec.timeZone, now);
  return {
    start: period.start,
    end: Math.min(end, period.end),
    length: period.end - period.start,
    periodEnd: period.end,
  };
}

/** The calendar period holding `t`, from local midnight to local midnight in `zone`. */
export function calendarPeriod(unit: CalendarUnit, zone: string, t: number): Interval {
  const local = localParts(t, zone);
  const { year } = local;
  let { month, day } = local;
  if (unit === "week") {
    // ISO weeks start on Monday; Date.UTC on the local date gives its weekday.
    const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
    const monday = new Date(Date.UTC(year, month - 1, day - weekday));
    const next = new Date(Date.UTC(year, month - 1, day - weekday + 7));
    const start = zonedInstant(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), zone);
    const end = zonedInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), zone);
    return fixUp(unit, zone, t, { start, end });
  }
  const months = unit === "month" ? 1 : 3;
  if (unit === "quarter") month = Math.floor((month - 1) / 3) * 3 + 1;
  day = 1;
  const start = zonedInstant(year, month, day, zone);
  const nextMonth = month + months;
  const end = zonedInstant(year + Math.floor((nextMonth - 1) / 12), ((nextMonth - 1) % 12) + 1, 1, zone);
  return fixUp(unit, zone, t, { start, end });
}

/**
 * The period returned always holds `t`, also after a fall-back change across midnight, when
 * the wall clock shows the previous date again for a while.
 */
function fixUp(unit: CalendarUnit, zone: string, t: number, period: Interval): Interval {
  if (t < period.start) return calendarPeriod(unit, zone, period.start - 1);
  if (t >= period.end) return calendarPeriod(unit, zone, period.end);
  return period;
}

/** The nominal length of an SLO's window in days (a calendar month's is its days this month). */
export function windowDays(spec: WindowSpec, now: number): number {
  return windowAt(spec, now).length / DAY_MS;
}
