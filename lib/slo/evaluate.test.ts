import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Bucket, type Budgeting, type EvaluatedSlo, evaluateStatus, isExcluded } from "./evaluate";
import { ALERT_RULES, BURN_WINDOWS, type BurnWindow, burnRate, type Counts, sli } from "./math";
import { decompose } from "./ranges";
import { BUCKET_MS, DAY_MS, HOUR_MS, type Interval, windowAt } from "./windows";

const at = (s: string) => Date.parse(s);
const MIN = 60_000;
const NOW = at("2026-03-15T12:02:00Z"); // in the 12:00 bucket; e = 12:05
const E = at("2026-03-15T12:05:00Z");
/** Just after the 12:00 bucket finished: the burn windows end at E, the rolling window at E + 5 min. */
const LATER = at("2026-03-15T12:07:00Z");
const occurrences: Budgeting = { method: "occurrences" };
const slo30 = (over: Partial<EvaluatedSlo> = {}): EvaluatedSlo => ({
  target: 0.999,
  window: { type: "rolling", days: 30 },
  budgeting: occurrences,
  minEvents: 50,
  ...over,
});
const sum = (bs: readonly Bucket[]): Counts =>
  bs.reduce((c, b) => ({ good: c.good + b.good, total: c.total + b.total }), { good: 0, total: 0 });

/**
 * A million events in a 30-day window, 500 of them bad:
 * - the last hour, [11:05, 12:05): 12 buckets of 500 events, `badPerBucket` bad in each;
 * - before it, 994 buckets of 1,000 events back to back, the oldest holding the rest of the 500 bad.
 * 12 × 500 + 994 × 1,000 = 6,000 + 994,000 = 1,000,000 events.
 */
function millionEvents(badPerBucket: number): Bucket[] {
  const lastHour = Array.from({ length: 12 }, (_, k) => ({
    start: E - HOUR_MS + k * BUCKET_MS,
    good: 500 - badPerBucket,
    total: 500,
  }));
  const older = Array.from({ length: 994 }, (_, k) => ({
    start: E - HOUR_MS - (k + 1) * BUCKET_MS,
    good: k === 993 ? 1000 - (500 - 12 * badPerBucket) : 1000,
    total: 1000,
  }));
  return [...older, ...lastHour];
}

describe("worked examples", () => {
  it("99.9 % over 30 days, 1,000,000 events, 500 bad, a clean last hour", () => {
    const s = evaluateStatus(slo30(), millionEvents(0), [], LATER);
    expect(s.counts).toEqual({ good: 999_500, total: 1_000_000 });
    // SLI = 999,500 / 1,000,000 = 0.9995; remaining = 1 − 0.0005 / 0.001 = 0.5
    expect(s.sli).toBe(0.9995);
    expect(s.budgetRemaining).toBeCloseTo(0.5, 12);
    // Nothing bad in the last hour: burn 0, so no time to exhaustion.
    expect(s.burnRates["1h"]).toBe(0);
    expect(s.timeToExhaustionMs).toBeNull();
    // Bad events still allowed: 0.5 × 0.001 × 1,000,000 = 500. Traffic now: 6,000 in the
    // last hour = 100 a minute. 500 ÷ 100 = 5 minutes of total failure left.
    expect(s.equivalentMinutesRemaining).toBeCloseTo(5, 9);
    expect(s.alerts.map((a) => a.firing)).toEqual([false, false, false]);
    expect(s.state).toBe("healthy");
    expect(s.window).toEqual({ start: E + BUCKET_MS - 30 * DAY_MS, end: E + BUCKET_MS, length: 30 * DAY_MS });
  });

  it("the same budget with 2 % errors in the last hour pages (fast burn), unless guarded", () => {
    // 10 bad of 500 in each of the last 12 buckets: 120 bad of 6,000 in the last hour.
    const buckets = millionEvents(10);
    const s = evaluateStatus(slo30(), buckets, [], LATER);
    expect(s.budgetRemaining).toBeCloseTo(0.5, 12);
    // 5m: (10 / 500) / 0.001 = 20;  1h: (120 / 6,000) / 0.001 = 20  — both above 14.4.
    expect(s.burnRates["5m"]).toBeCloseTo(20, 9);
    expect(s.burnRates["1h"]).toBeCloseTo(20, 9);
    // 6h: 120 bad of 6,000 + 60 × 1,000 = 66,000 → 1.82, below 6; the slow page stays quiet.
    expect(s.burnRates["6h"]).toBeCloseTo(120 / 66_000 / 0.001, 9);
    expect(s.alerts.map((a) => [a.rule, a.firing])).toEqual([
      ["page_fast", true],
      ["page_slow", false],
      ["ticket", false],
    ]);
    // Time to exhaustion at the current (1h) burn: 0.5 × 30 days / 20 = 18 hours.
    expect(s.timeToExhaustionMs).toBeCloseTo(18 * HOUR_MS, 3);
    expect(s.state).toBe("at_risk");
    // With a 10,000-event minimum the 1h window (6,000) is too thin to page.
    const guarded = evaluateStatus(slo30({ minEvents: 10_000 }), buckets, [], LATER);
    expect(guarded.alerts[0]).toMatchObject({ firing: false, guarded: true });
    expect(guarded.state).toBe("healthy");
  });

  it("an adjustment over the bad bucket gives the budget back", () => {
    const buckets = millionEvents(0);
    const oldest = buckets[993].start;
    // One minute inside the bucket is enough to exclude all of it.
    const s = evaluateStatus(slo30(), buckets, [{ start: oldest + MIN, end: oldest + 2 * MIN }], NOW);
    expect(s.counts).toEqual({ good: 999_000, total: 999_000 });
    expect(s.budgetRemaining).toBe(1);
  });

  it("the rolling edge: the bucket 30 days before the current one is out, the next one in", () => {
    const out = { start: at("2026-02-13T12:00:00Z"), good: 0, total: 7 };
    const inside = { start: at("2026-02-13T12:05:00Z"), good: 1, total: 1 };
    const current = { start: at("2026-03-15T12:00:00Z"), good: 1, total: 1 };
    const future = { start: at("2026-03-15T12:05:00Z"), good: 0, total: 9 };
    const s = evaluateStatus(slo30(), [out, inside, current, future], [], NOW);
    expect(s.counts).toEqual({ good: 2, total: 2 });
    // The 5m burn window is the last finished bucket (11:55), which holds nothing: no data.
    expect(s.burnRates["5m"]).toBeNull();
  });

  it("a Berlin calendar month counts from 23:00Z on Feb 28 and scales its thresholds to 743 h", () => {
    const feb = { start: at("2026-02-28T22:55:00Z"), good: 0, total: 100 };
    const march = { start: at("2026-02-28T23:00:00Z"), good: 100, total: 100 };
    const spec = slo30({ window: { type: "calendar", unit: "month", timeZone: "Europe/Berlin" } });
    const s = evaluateStatus(spec, [feb, march], [], NOW);
    expect(s.counts).toEqual({ good: 100, total: 100 });
    expect(s.window.length).toBe(743 * HOUR_MS);
    // 0.02 × 743 h / 1 h = 14.86
    expect(s.alerts[0].threshold).toBeCloseTo(14.86, 9);
  });

  it("timeslices: 19 good slices of 20 with data at a 90 % target leave half the budget", () => {
    // 15-minute slices aligned to the epoch; a slice is good at ≥ 99 %.
    const day = at("2026-03-14T00:00:00Z");
    const b = (minutes: number, good: number, total: number) => ({ start: day + minutes * MIN, good, total });
    const buckets = [
      // 18 slices (00:00, 00:15, … 04:15) of one perfect bucket each: good.
      ...Array.from({ length: 18 }, (_, k) => b(k * 15, 100, 100)),
      // 06:00: 100 + 100 + 97 of 300 = 0.99 — good, though the 06:10 bucket alone is not.
      b(360, 100, 100),
      b(365, 100, 100),
      b(370, 97, 100),
      // 06:15: 98 of 100 = 0.98 — bad.
      b(375, 98, 100),
      // 06:30: no traffic — no data, not counted.
      b(390, 0, 0),
      // 06:45: its only bucket is excluded — no data either.
      b(405, 50, 100),
    ];
    const spec = slo30({
      target: 0.9,
      window: { type: "rolling", days: 7 },
      budgeting: { method: "timeslices", sliceMinutes: 15, sliceTarget: 0.99 },
    });
    const s = evaluateStatus(spec, buckets, [{ start: day + 407 * MIN, end: day + 408 * MIN }], NOW);
    expect(s.slices).toEqual({ good: 19, total: 20 });
    // SLI = 19 / 20 = 0.95; remaining = 1 − 0.05 / 0.1 = 0.5
    expect(s.sli).toBe(0.95);
    expect(s.budgetRemaining).toBeCloseTo(0.5, 12);
    // Events are reported as well: 1,800 + 300 + 100 + 0 = 2,200, of them 2,195 good.
    expect(s.counts).toEqual({ good: 2195, total: 2200 });
    // Bad slices still allowed: 0.5 × 0.1 × 20 = 1, of 15 minutes: 15 minutes of total failure.
    expect(s.equivalentMinutesRemaining).toBeCloseTo(15, 9);
    // The last hour had no traffic: no current burn rate.
    expect(s.burnRates["1h"]).toBeNull();
    expect(s.burnRates["3d"]).toBeCloseTo(0.5, 12);
  });

  it("timeslices cut at the window's edge count only the buckets inside", () => {
    // The 7-day window starts at 2026-03-08 12:05Z, inside the 12:00–12:15 slice.
    const spec = slo30({
      window: { type: "rolling", days: 7 },
      budgeting: { method: "timeslices", sliceMinutes: 15, sliceTarget: 0.99 },
    });
    const outside = { start: at("2026-03-08T12:00:00Z"), good: 0, total: 100 };
    const inside = { start: at("2026-03-08T12:05:00Z"), good: 100, total: 100 };
    expect(evaluateStatus(spec, [outside, inside], [], NOW).slices).toEqual({ good: 1, total: 1 });
  });

  it("no traffic is no data, never 100 %", () => {
    const quiet = [
      { start: E - HOUR_MS, good: 0, total: 0 },
      { start: E - 40 * DAY_MS, good: 10, total: 10 },
    ];
    for (const budgeting of [
      occurrences,
      { method: "timeslices", sliceMinutes: 5, sliceTarget: 0.9 } as const,
    ]) {
      for (const buckets of [[], quiet]) {
        const s = evaluateStatus(slo30({ budgeting, minEvents: 0 }), buckets, [], NOW);
        expect(s.sli).toBeNull();
        expect(s.budgetRemaining).toBeNull();
        expect(s.timeToExhaustionMs).toBeNull();
        expect(s.equivalentMinutesRemaining).toBeNull();
        expect(Object.values(s.burnRates).every((r) => r === null)).toBe(true);
        expect(s.alerts.some((a) => a.firing)).toBe(false);
        expect(s.state).toBe("no_data");
      }
    }
  });
});

/** Buckets scattered from 8 days before `E` to a day after it, some at the same start. */
const bucketsArb = fc.array(
  fc
    .record({
      slot: fc.integer({ min: -8 * 288, max: 288 }),
      total: fc.nat({ max: 500 }),
      bad: fc.nat({ max: 500 }),
    })
    .map(({ slot, total, bad }) => ({
      start: E + slot * BUCKET_MS,
      good: total - Math.min(bad, total),
      total,
    })),
  { maxLength: 60 },
);
const adjustmentsArb = fc.array(
  fc
    .record({
      from: fc.integer({ min: -8 * DAY_MS, max: DAY_MS }),
      minutes: fc.integer({ min: 1, max: 600 }),
    })
    .map(({ from, minutes }) => ({ start: E + from, end: E + from + minutes * MIN })),
  { maxLength: 4 },
);
const budgetingArb: fc.Arbitrary<Budgeting> = fc.oneof(
  fc.constant(occurrences),
  fc.record({
    method: fc.constant("timeslices" as const),
    sliceMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
    sliceTarget: fc.constantFrom(0.9, 0.95, 0.99),
  }),
);
const sloArb = fc.record({
  target: fc.constantFrom(0.9, 0.99, 0.995, 0.999),
  window: fc.constantFrom(
    { type: "rolling", days: 7 } as const,
    {
      type: "calendar",
      unit: "week",
      timeZone: "Europe/Berlin",
    } as const,
  ),
  budgeting: budgetingArb,
  minEvents: fc.nat({ max: 300 }),
});
const nowArb = fc.integer({ min: E - 12 * HOUR_MS, max: E });

/** Whether any part of the bucket at `start` lies in any adjustment: the oracle for exclusion. */
const touched = (start: number, adjustments: readonly Interval[]) =>
  adjustments.some((a) => a.start < a.end && start < a.end && a.start < start + BUCKET_MS);
const inside = (r: Interval) => (b: Bucket) => r.start <= b.start && b.start < r.end;

describe("properties", () => {
  it("SLI lies in [0, 1], and is null exactly when the window has no (kept) traffic", () => {
    fc.assert(
      fc.property(sloArb, bucketsArb, adjustmentsArb, nowArb, (slo, buckets, adjustments, now) => {
        const s = evaluateStatus(slo, buckets, adjustments, now);
        if (s.counts.total === 0) expect(s.sli).toBeNull();
        else {
          expect(s.sli).toBeGreaterThanOrEqual(0);
          expect(s.sli).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("adjustments remove exactly the buckets they touch", () => {
    fc.assert(
      fc.property(sloArb, bucketsArb, adjustmentsArb, nowArb, (slo, buckets, adjustments, now) => {
        const w = windowAt(slo.window, now);
        const kept = buckets.filter((b) => inside(w)(b) && !touched(b.start, adjustments));
        expect(evaluateStatus(slo, buckets, adjustments, now).counts).toEqual(sum(kept));
        for (const b of buckets) expect(isExcluded(b.start, adjustments)).toBe(touched(b.start, adjustments));
      }),
    );
  });

  it("summing the window's day, hour and bucket pieces gives the same counts and SLI", () => {
    fc.assert(
      fc.property(sloArb, bucketsArb, nowArb, (slo, buckets, now) => {
        const s = evaluateStatus(slo, buckets, [], now);
        const pieces = decompose(s.window).map((p) => sum(buckets.filter(inside(p))));
        const total = pieces.reduce((a, c) => ({ good: a.good + c.good, total: a.total + c.total }), {
          good: 0,
          total: 0,
        });
        expect(total).toEqual(s.counts);
        if (slo.budgeting.method === "occurrences") expect(sli(total)).toBe(s.sli);
      }),
    );
  });

  it("burn rates read the buckets starting in [f − W, f), f the start of the bucket holding now", () => {
    fc.assert(
      fc.property(bucketsArb, adjustmentsArb, nowArb, (buckets, adjustments, now) => {
        const s = evaluateStatus(slo30({ target: 0.99 }), buckets, adjustments, now);
        // Burn windows end with the last finished bucket (docs/slo-math.md).
        const e = Math.floor(now / BUCKET_MS) * BUCKET_MS;
        for (const [w, ms] of Object.entries(BURN_WINDOWS) as [BurnWindow, number][]) {
          const kept = buckets.filter(
            (b) => inside({ start: e - ms, end: e })(b) && !touched(b.start, adjustments),
          );
          expect(s.burnRates[w]).toBe(burnRate(sli(sum(kept)), 0.99));
        }
      }),
    );
  });

  it("more bad events never increase the budget remaining, under either method", () => {
    fc.assert(
      fc.property(
        sloArb,
        bucketsArb,
        adjustmentsArb,
        nowArb,
        fc.nat(),
        fc.nat({ max: 500 }),
        (slo, buckets, adjustments, now, pick, k) => {
          if (buckets.length === 0) return;
          const i = pick % buckets.length;
          const worse = buckets.map((b, j) => (j === i ? { ...b, good: Math.max(0, b.good - k) } : b));
          const before = evaluateStatus(slo, buckets, adjustments, now).budgetRemaining;
          const after = evaluateStatus(slo, worse, adjustments, now).budgetRemaining;
          if (before === null) expect(after).toBeNull();
          else expect(after as number).toBeLessThanOrEqual(before);
        },
      ),
    );
  });

  it("a window burnt at exactly rate 1 has no budget left", () => {
    fc.assert(
      fc.property(bucketsArb, nowArb, (buckets, now) => {
        const c = sum(buckets.filter(inside(windowAt({ type: "rolling", days: 7 }, now))));
        const bad = c.total - c.good;
        if (bad === 0 || c.good === 0) return;
        // The target whose budget is exactly the window's bad share.
        const target = 1 - bad / c.total;
        const s = evaluateStatus(slo30({ target, window: { type: "rolling", days: 7 } }), buckets, [], now);
        expect(Math.abs(s.budgetRemaining as number)).toBeLessThan(1e-9);
      }),
    );
  });

  it("a rule fires exactly when both its windows burn above the threshold with enough events", () => {
    fc.assert(
      fc.property(sloArb, bucketsArb, nowArb, (slo, buckets, now) => {
        const s = evaluateStatus(slo, buckets, [], now);
        // Burn windows end with the last finished bucket (docs/slo-math.md).
        const e = Math.floor(now / BUCKET_MS) * BUCKET_MS;
        const events = (w: BurnWindow) =>
          sum(buckets.filter(inside({ start: e - BURN_WINDOWS[w], end: e }))).total;
        for (const [k, rule] of ALERT_RULES.entries()) {
          const v = s.alerts[k];
          const threshold = (rule.budgetFraction * s.window.length) / BURN_WINDOWS[rule.long];
          const enough = events(rule.long) >= slo.minEvents && events(rule.short) >= slo.minEvents;
          const over = (w: BurnWindow) => (s.burnRates[w] ?? Number.NEGATIVE_INFINITY) > threshold;
          expect(v.guarded).toBe(!enough);
          expect(v.firing).toBe(enough && over(rule.long) && over(rule.short));
        }
        expect(s.state === "at_risk" || s.state === "breaching" || !s.alerts.some((a) => a.firing)).toBe(
          true,
        );
      }),
    );
  });
});
