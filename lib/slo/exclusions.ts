import * as rruleModule from "rrule";
import { union } from "./ranges";
import type { Interval } from "./windows";

// Bundlers read rrule's ES module (named exports); Node's loader its CommonJS build (under default).
const rrule = (
  "rrulestr" in rruleModule ? rruleModule : (rruleModule as { default: typeof rruleModule }).default
) as typeof rruleModule;
const { rrulestr, RRule } = rrule;

/** An adjustment as stored: its first interval, and optionally an RRULE repeating it (UTC). */
export type AdjustmentSpec = { startsAt: number; durationMinutes: number; rrule: string | null };

/**
 * At most this many occurrences are expanded per read. Rules are refused when they repeat
 * more often than hourly, and an hourly rule over the longest span read (93 days) is 2,232,
 * so a valid rule is never cut short.
 */
const MAX_OCCURRENCES = 5_000;

function ruleFor(spec: AdjustmentSpec) {
  return rrulestr(spec.rrule ?? "", { dtstart: new Date(spec.startsAt) });
}

/** Why an RRULE cannot be used, or null. Sub-hourly repetition is refused: it is a typo, not a maintenance window. */
export function rruleProblem(rule: string, startsAt: number): string | null {
  try {
    const parsed = rrulestr(rule, { dtstart: new Date(startsAt) });
    const freq = parsed.origOptions.freq;
    const hourly = "Repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY).";
    if (freq === RRule.SECONDLY || freq === RRule.MINUTELY) return hourly;
    // BYMINUTE/BYSECOND lists can make an hourly rule repeat every second: look at the first
    // occurrences themselves.
    const first = parsed.all((_, i) => i < 200);
    for (let i = 1; i < first.length; i++)
      if (first[i].getTime() - first[i - 1].getTime() < 3_600_000) return hourly;
    return null;
  } catch {
    return "Not an RRULE; write it like FREQ=WEEKLY;BYDAY=SU (RFC 5545).";
  }
}

/** The intervals an adjustment excludes that touch `within`. */
export function occurrences(spec: AdjustmentSpec, within: Interval): Interval[] {
  const length = spec.durationMinutes * 60_000;
  if (!spec.rrule) {
    const one = { start: spec.startsAt, end: spec.startsAt + length };
    return one.end > within.start && one.start < within.end ? [one] : [];
  }
  const starts = ruleFor(spec).between(new Date(within.start - length), new Date(within.end), true);
  // The stored start is the first occurrence (RFC 5545), whether or not the rule matches it.
  const all = [spec.startsAt, ...starts.slice(0, MAX_OCCURRENCES).map((d) => d.getTime())];
  return [...new Set(all)]
    .map((t) => ({ start: t, end: t + length }))
    .filter((i) => i.end > within.start && i.start < within.end);
}

/** Every instant excluded from `within` by `specs`, merged. */
export function excludedIntervals(specs: readonly AdjustmentSpec[], within: Interval): Interval[] {
  return union(specs.flatMap((s) => occurrences(s, within)));
}
