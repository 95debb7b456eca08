import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, decompose, type Piece, subtract, toBuckets, union } from "./ranges";
import { BUCKET_MS, DAY_MS, HOUR_MS, type Interval } from "./windows";

const T0 = Date.UTC(2026, 0, 1);
/** Instants on 5-minute boundaries across about 200 days. */
const onBucket = fc.integer({ min: 0, max: 200 * 288 }).map((n) => T0 + n * BUCKET_MS);
const range = fc.tuple(onBucket, onBucket).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));

/** Small integer intervals (possibly empty or reversed), so every point can be checked. */
const small = fc.record({ start: fc.integer({ min: 0, max: 60 }), end: fc.integer({ min: 0, max: 60 }) });
const covers = (set: readonly Interval[], x: number) => set.some((i) => i.start <= x && x < i.end);
const points = Array.from({ length: 62 }, (_, i) => i - 1);
const sortedDisjoint = (set: readonly Interval[]) =>
  set.every((i, k) => i.start < i.end && (k === 0 || set[k - 1].end < i.start));
const length = (set: readonly Interval[]) => set.reduce((n, i) => n + (i.end - i.start), 0);

describe("decompose", () => {
  it("tiles [start, end) exactly, in order, with no gap or overlap", () => {
    fc.assert(
      fc.property(range, ({ start, end }) => {
        const pieces = decompose({ start, end });
        if (end === start) {
          expect(pieces).toEqual([]);
          return;
        }
        expect(pieces[0].start).toBe(start);
        expect(pieces.at(-1)?.end).toBe(end);
        for (const [k, p] of pieces.entries()) {
          expect(p.end).toBeGreaterThan(p.start);
          if (k > 0) expect(p.start).toBe(pieces[k - 1].end);
        }
      }),
    );
  });

  it("puts days on UTC midnights, hours on hour boundaries, buckets only at the ragged edges", () => {
    const aligned = (p: Piece, step: number) => p.start % step === 0 && p.end % step === 0;
    /** Whether [k·step, (k + 1)·step) ⊆ p for some k. */
    const holdsWhole = (p: Piece, step: number) => Math.ceil(p.start / step) + 1 <= Math.floor(p.end / step);
    fc.assert(
      fc.property(range, (r) => {
        const pieces = decompose(r);
        for (const p of pieces) {
          if (p.grain === "day") {
            expect(aligned(p, DAY_MS)).toBe(true);
            expect(new Date(p.start).toISOString()).toMatch(/T00:00:00\.000Z$/);
          }
          if (p.grain === "hour") {
            expect(aligned(p, HOUR_MS)).toBe(true);
            // Never a whole UTC day read hour by hour.
            expect(holdsWhole(p, DAY_MS)).toBe(false);
          }
          if (p.grain === "bucket") {
            expect(aligned(p, BUCKET_MS)).toBe(true);
            // Never a whole UTC hour read bucket by bucket.
            expect(holdsWhole(p, HOUR_MS)).toBe(false);
          }
        }
        expect(pieces.filter((p) => p.grain === "day").length).toBeLessThanOrEqual(1);
        expect(pieces.filter((p) => p.grain === "bucket").length).toBeLessThanOrEqual(2);
        expect(pieces.filter((p) => p.grain === "hour").length).toBeLessThanOrEqual(2);
      }),
    );
  });

  it("reads a 30-day window at 12:05 as 55 minutes, 11 hours, 29 days, 12 hours and 5 minutes", () => {
    // [2026-02-13T12:05Z, 2026-03-15T12:05Z): buckets 12:05–13:00, hours 13:00–24:00,
    // days Feb 14 – Mar 15, hours 00:00–12:00, bucket 12:00–12:05.
    const start = Date.UTC(2026, 1, 13, 12, 5);
    const end = Date.UTC(2026, 2, 15, 12, 5);
    expect(decompose({ start, end }).map((p) => [p.grain, (p.end - p.start) / 60_000])).toEqual([
      ["bucket", 55],
      ["hour", 11 * 60],
      ["day", 29 * 24 * 60],
      ["hour", 12 * 60],
      ["bucket", 5],
    ]);
  });
});

describe("union", () => {
  it("covers exactly the same points, as sorted, disjoint, non-touching intervals", () => {
    fc.assert(
      fc.property(fc.array(small, { maxLength: 8 }), (set) => {
        const u = union(set);
        expect(sortedDisjoint(u)).toBe(true);
        for (const x of points) expect(covers(u, x)).toBe(covers(set, x));
      }),
    );
  });

  it("is idempotent and ignores order", () => {
    fc.assert(
      fc.property(fc.array(small, { maxLength: 8 }), fc.array(small, { maxLength: 8 }), (a, b) => {
        expect(union(union(a))).toEqual(union(a));
        expect(union([...a, ...b])).toEqual(union([...b, ...a]));
        expect(union([...union(a), ...b])).toEqual(union([...a, ...b]));
      }),
    );
  });

  it("does not change its input", () => {
    const input = [
      { start: 5, end: 9 },
      { start: 0, end: 6 },
    ];
    expect(union(input)).toEqual([{ start: 0, end: 9 }]);
    expect(input).toEqual([
      { start: 5, end: 9 },
      { start: 0, end: 6 },
    ]);
  });
});

describe("subtract and clip", () => {
  it("subtract keeps exactly the points of the whole outside every hole", () => {
    fc.assert(
      fc.property(small, fc.array(small, { maxLength: 8 }), (whole, holes) => {
        const rest = subtract(whole, holes);
        expect(sortedDisjoint(rest)).toBe(true);
        for (const x of points) expect(covers(rest, x)).toBe(covers([whole], x) && !covers(holes, x));
      }),
    );
  });

  it("what is subtracted and what is clipped add back up to the whole", () => {
    fc.assert(
      fc.property(small, fc.array(small, { maxLength: 8 }), (whole, holes) => {
        const kept = subtract(whole, holes);
        const cut = clip(union(holes), whole);
        expect(length(kept) + length(cut)).toBe(Math.max(0, whole.end - whole.start));
        expect(union([...kept, ...cut])).toEqual(union([whole]));
      }),
    );
  });

  it("has the identities", () => {
    const whole = { start: 10, end: 20 };
    expect(subtract(whole, [])).toEqual([whole]);
    expect(subtract(whole, [whole])).toEqual([]);
    expect(subtract(whole, [{ start: 0, end: 30 }])).toEqual([]);
    expect(subtract(whole, [{ start: 12, end: 14 }])).toEqual([
      { start: 10, end: 12 },
      { start: 14, end: 20 },
    ]);
    // Unsorted, overlapping holes are fine.
    expect(
      subtract(whole, [
        { start: 16, end: 18 },
        { start: 11, end: 13 },
        { start: 12, end: 17 },
      ]),
    ).toEqual([
      { start: 10, end: 11 },
      { start: 18, end: 20 },
    ]);
  });
});

describe("toBuckets", () => {
  it("widens an exclusion to exactly the buckets it touches", () => {
    const instant = fc.integer({ min: 0, max: 48 * 60 }).map((m) => T0 + m * 60_000 + (m % 7) * 1000);
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const i = { start: Math.min(a, b), end: Math.max(a, b) };
        const w = toBuckets(i);
        expect(w.start % BUCKET_MS).toBe(0);
        expect(w.end % BUCKET_MS).toBe(0);
        for (let s = T0 - BUCKET_MS; s < T0 + 49 * HOUR_MS; s += BUCKET_MS) {
          const touches = i.start < i.end && s < i.end && i.start < s + BUCKET_MS;
          expect(w.start <= s && s < w.end).toBe(touches);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("worked example: 10:02–10:07 removes the 10:00 and 10:05 buckets; an empty interval none", () => {
    const at = (h: number, m: number) => Date.UTC(2026, 2, 1, h, m);
    expect(toBuckets({ start: at(10, 2), end: at(10, 7) })).toEqual({ start: at(10, 0), end: at(10, 10) });
    expect(toBuckets({ start: at(10, 0), end: at(10, 5) })).toEqual({ start: at(10, 0), end: at(10, 5) });
    // Before the fix an empty interval widened to the whole 10:00 bucket.
    const empty = toBuckets({ start: at(10, 2), end: at(10, 2) });
    expect(empty.end - empty.start).toBe(0);
  });
});
