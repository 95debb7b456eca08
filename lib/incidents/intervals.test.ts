import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, type Interval, mergeIntervals, overlapLength, totalLength } from "./intervals";

/** Integer endpoints on a small line, so a union's length can be counted point by point. */
const interval = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
  .map(([start, end]) => ({ start, end }));

describe("intervals", () => {
  it("merge overlapping and touching intervals, drop empty and reversed ones", () => {
    expect(
      mergeIntervals([
        { start: 5, end: 8 },
        { start: 0, end: 2 },
        { start: 2, end: 3 },
        { start: 6, end: 7 },
        { start: 9, end: 9 },
        { start: 12, end: 10 },
      ]),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 8 },
    ]);
    expect(clip({ start: 0, end: 10 }, { start: 4, end: 6 })).toEqual({ start: 4, end: 6 });
    expect(clip({ start: 0, end: 4 }, { start: 4, end: 6 })).toBeNull();
  });

  it("merge into sorted, disjoint, non-touching intervals covering exactly the same points", () => {
    const covered = (list: Interval[], t: number) => list.some((i) => i.start <= t && t < i.end);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 20 }), (list) => {
        const merged = mergeIntervals(list);
        for (let k = 1; k < merged.length; k++) expect(merged[k].start).toBeGreaterThan(merged[k - 1].end);
        for (const i of merged) expect(i.end).toBeGreaterThan(i.start);
        let points = 0;
        for (let t = 0; t < 60; t++) {
          expect(covered(merged, t)).toBe(covered(list, t));
          if (covered(list, t)) points += 1;
        }
        expect(totalLength(merged)).toBe(points);
      }),
    );
  });

  it("measure overlap with a window as the length of the clipped union", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 20 }), interval, (list, within) => {
        const merged = mergeIntervals(list);
        const clipped = mergeIntervals(list.flatMap((i) => clip(i, within) ?? []));
        expect(overlapLength(merged, within)).toBe(totalLength(clipped));
      }),
    );
  });

  it("leave their input untouched", () => {
    const list = [
      { start: 3, end: 5 },
      { start: 1, end: 4 },
    ];
    mergeIntervals(list)[0].end = 99;
    expect(list).toEqual([
      { start: 3, end: 5 },
      { start: 1, end: 4 },
    ]);
  });
});
