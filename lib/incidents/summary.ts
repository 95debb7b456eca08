/** Duration summaries, computed the way PostgreSQL's aggregates compute them. */

export type Summary = {
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
};

/**
 * PostgreSQL's `percentile_cont(p) WITHIN GROUP (ORDER BY v)`: position = p × (n − 1) on the
 * ascending values, linear interpolation between the two closest ranks; null for no values.
 */
export function percentileCont(sortedValues: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile ${p} is outside [0, 1]`);
  const n = sortedValues.length;
  if (n === 0) return null;
  const position = p * (n - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  const low = sortedValues[lo]!;
  if (hi === lo) return low;
  // float8_lerp's order of operations, so the two agree to the last bit where they can.
  return low + (sortedValues[hi]! - low) * (position - lo);
}

/** count, avg, percentile_cont(0.5) and percentile_cont(0.9) of durations in seconds. */
export function summarize(seconds: readonly number[]): Summary {
  const sorted = [...seconds].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };
  let sum = 0;
  for (const s of sorted) sum += s;
  return {
    count: sorted.length,
    meanSeconds: sum / sorted.length,
    medianSeconds: percentileCont(sorted, 0.5),
    p90Seconds: percentileCont(sorted, 0.9),
  };
}
