/**
 * Half-open intervals of instants, in ms since the epoch: start ≤ t < end. The shape of
 * PostgreSQL's `tstzrange(a, b, '[)')`, so a downtime union here mirrors `range_agg` there.
 */
export type Interval = { start: number; end: number };

/** The part of `i` inside `within`, or null when nothing of it is (an empty range in SQL). */
export function clip(i: Interval, within: Interval): Interval | null {
  const start = Math.max(i.start, within.start);
  const end = Math.min(i.end, within.end);
  return end > start ? { start, end } : null;
}

/**
 * The union of `intervals` as sorted, disjoint, non-empty intervals. Touching intervals
 * ([a, b) and [b, c)) join into [a, c), as `range_agg` joins adjacent ranges; empty or
 * reversed ones (end ≤ start) are dropped rather than trusted.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ start: i.start, end: i.end });
  }
  return merged;
}

/** Σ(end − start): the total length of disjoint intervals, such as mergeIntervals returns. */
export function totalLength(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const i of intervals) sum += i.end - i.start;
  return sum;
}

/** How much of the disjoint `intervals` lies inside `within`. */
export function overlapLength(intervals: readonly Interval[], within: Interval): number {
  let sum = 0;
  for (const i of intervals) {
    const part = clip(i, within);
    if (part) sum += part.end - part.start;
  }
  return sum;
}
