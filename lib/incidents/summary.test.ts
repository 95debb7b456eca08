import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileCont, summarize } from "./summary";

describe("percentile_cont", () => {
  it("interpolates between the closest ranks, worked with 4 and 5 values", () => {
    // [10, 20, 30, 40]: median at 0.5 × 3 = 1.5 → 20 + 0.5 × (30 − 20) = 25;
    //                   p90 at 0.9 × 3 = 2.7 → 30 + 0.7 × (40 − 30) = 37.
    expect(summarize([40, 10, 30, 20])).toEqual({
      count: 4,
      meanSeconds: 25,
      medianSeconds: 25,
      p90Seconds: expect.closeTo(37, 9),
    });
    // [10, 20, 30, 40, 100]: median at 0.5 × 4 = 2 → 30 exactly;
    //                        p90 at 0.9 × 4 = 3.6 → 40 + 0.6 × (100 − 40) = 76.
    expect(percentileCont([10, 20, 30, 40, 100], 0.5)).toBe(30);
    expect(percentileCont([10, 20, 30, 40, 100], 0.9)).toBeCloseTo(76, 9);
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([], 0.5)).toBeNull();
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
  });

  /** The definition read literally: the polyline through (k / (n − 1), v_k), evaluated at p. */
  const naive = (sorted: number[], p: number) => {
    if (sorted.length === 1) return sorted[0];
    const n = sorted.length - 1;
    const k = Math.min(n - 1, [...sorted.keys()].findLast((i) => i / n <= p) ?? 0);
    return sorted[k] + (sorted[k + 1] - sorted[k]) * (p - k / n) * n;
  };
  const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 });

  it("matches the naive definition", () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (vs, p) => {
        const sorted = [...vs].sort((a, b) => a - b);
        expect(Math.abs(percentileCont(sorted, p)! - naive(sorted, p))).toBeLessThan(1e-6);
      }),
    );
  });

  it("does not depend on the input order, and keeps min ≤ median ≤ p90 ≤ max", () => {
    // Whole milliseconds, as durations come: lerp between integers never overshoots a rank.
    const ms = fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 30 });
    const shuffled = ms.chain((vs) =>
      fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs, { minLength: vs.length })),
    );
    fc.assert(
      fc.property(shuffled, ([vs, other]) => {
        const s = summarize(vs);
        expect(summarize(other)).toEqual(s);
        expect(Math.min(...vs)).toBeLessThanOrEqual(s.medianSeconds!);
        expect(s.medianSeconds!).toBeLessThanOrEqual(s.p90Seconds!);
        expect(s.p90Seconds!).toBeLessThanOrEqual(Math.max(...vs));
      }),
    );
  });
});
