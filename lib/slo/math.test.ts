import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALERT_RULES,
  add,
  alertThreshold,
  BURN_WINDOWS,
  type BurnWindow,
  budgetRemaining,
  burnRate,
  type Counts,
  EMPTY,
  evaluateRule,
  sli,
  sliceCounts,
  sloState,
  timeToExhaustion,
  type WindowFigures,
} from "./math";
import { DAY_MS, HOUR_MS } from "./windows";

/** Counts with good ≤ total. */
const counts = (max = 1_000_000) =>
  fc.nat({ max }).chain((total) => fc.nat({ max: total }).map((good) => ({ good, total })));
/** Targets as SLOs state them: 0.9 to 0.99999. */
const target = fc.integer({ min: 90_000, max: 99_999 }).map((n) => n / 100_000);
const rule = fc.constantFrom(...ALERT_RULES);
const windowDays = fc.constantFrom(7, 28, 30, 90);

describe("SLI", () => {
  it("is Σgood / Σtotal, within [0, 1], and null (never 100 %) without traffic", () => {
    fc.assert(
      fc.property(counts(), (c) => {
        const v = sli(c);
        if (c.total === 0) expect(v).toBeNull();
        else {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
    expect(sli(EMPTY)).toBeNull();
  });

  it("is the same however the buckets are split: counts are summed, never ratios averaged", () => {
    fc.assert(
      fc.property(fc.array(counts(10_000), { minLength: 1, maxLength: 40 }), fc.nat(), (buckets, cut) => {
        const at = cut % (buckets.length + 1);
        const whole = buckets.reduce(add, EMPTY);
        const left = buckets.slice(0, at).reduce(add, EMPTY);
        const right = buckets.slice(at).reduce(add, EMPTY);
        expect(add(left, right)).toEqual(whole);
        expect(sli(add(left, right))).toBe(sli(whole));
      }),
    );
    // Why not average: 1 of 1 good and 0 of 99 good is 1 %, not the 50 % the ratios average to.
    expect(sli(add({ good: 1, total: 1 }, { good: 0, total: 99 }))).toBe(0.01);
  });
});

describe("budget and burn rate", () => {
  it("worked example: 99.9 %, 1,000,000 events, 500 bad → half the budget left", () => {
    // SLI = 999,500 / 1,000,000 = 0.9995; budget = 1 − 0.999 = 0.001
    // spent = (1 − 0.9995) / 0.001 = 0.0005 / 0.001 = 0.5 → remaining = 1 − 0.5 = 0.5
    const v = sli({ good: 999_500, total: 1_000_000 });
    expect(v).toBe(0.9995);
    expect(budgetRemaining(v, 0.999)).toBeCloseTo(0.5, 12);
    // Over 30 days that is burn rate 0.5: half the budget per window.
    expect(burnRate(v, 0.999)).toBeCloseTo(0.5, 12);
    // 1,500 bad overspends: 1 − 0.0015 / 0.001 = −0.5 (negative, not clamped).
    expect(budgetRemaining(sli({ good: 998_500, total: 1_000_000 }), 0.999)).toBeCloseTo(-0.5, 12);
  });

  it("remaining = 1 − burn rate over the whole window", () => {
    fc.assert(
      fc.property(counts(), target, (c, t) => {
        const v = sli(c);
        const remaining = budgetRemaining(v, t);
        const burn = burnRate(v, t);
        if (v === null) {
          expect([remaining, burn]).toEqual([null, null]);
          return;
        }
        expect(remaining).toBeCloseTo(1 - (burn as number), 9);
      }),
    );
  });

  it("burn rate 1 over the whole window leaves exactly zero budget", () => {
    // Choose the target so the bad share is exactly the budget: target = 1 − bad / total.
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 10_000_000 })
          .chain((total) => fc.integer({ min: 1, max: total - 1 }).map((bad) => ({ total, bad }))),
        ({ total, bad }) => {
          const t = 1 - bad / total;
          const v = sli({ good: total - bad, total });
          expect(burnRate(v, t)).toBeCloseTo(1, 9);
          expect(Math.abs(budgetRemaining(v, t) as number)).toBeLessThan(1e-9);
        },
      ),
    );
    expect(budgetRemaining(0.999, 0.999)).toBe(0);
  });

  it("more bad events never increase the budget remaining", () => {
    fc.assert(
      fc.property(counts(), fc.nat({ max: 1_000_000 }), target, (c, k, t) => {
        const worse = { good: Math.max(0, c.good - k), total: c.total };
        const before = budgetRemaining(sli(c), t);
        const after = budgetRemaining(sli(worse), t);
        if (before === null) {
          expect(after).toBeNull();
          return;
        }
        expect(after as number).toBeLessThanOrEqual(before);
      }),
    );
  });
});

describe("time to exhaustion", () => {
  it("is remaining × window / current burn rate", () => {
    // 0.5 left of a 30-day window, burning at 10× now: 0.5 × 30 d / 10 = 1.5 days.
    expect(timeToExhaustion(0.5, 30 * DAY_MS, 10)).toBe(1.5 * DAY_MS);
    // Burning at exactly 1× with all of it left: the window's length.
    expect(timeToExhaustion(1, 30 * DAY_MS, 1)).toBe(30 * DAY_MS);
  });

  it("is 0 once the budget is gone, even with nothing burning now; null while nothing burns", () => {
    expect(timeToExhaustion(-0.2, 30 * DAY_MS, 3)).toBe(0);
    expect(timeToExhaustion(0, 30 * DAY_MS, null)).toBe(0);
    expect(timeToExhaustion(0.7, 30 * DAY_MS, 0)).toBeNull();
    expect(timeToExhaustion(0.7, 30 * DAY_MS, null)).toBeNull();
    expect(timeToExhaustion(null, 30 * DAY_MS, 5)).toBeNull();
  });
});

describe("timeslices", () => {
  it("count a slice good at ratio ≥ the slice target, and skip slices without traffic", () => {
    // 297/300 = 0.99 ≥ 0.99 good; 98/100 = 0.98 bad; 0/0 no data → 1 good of 2.
    expect(
      sliceCounts(
        [
          { good: 297, total: 300 },
          { good: 98, total: 100 },
          { good: 0, total: 0 },
        ],
        0.99,
      ),
    ).toEqual({ good: 1, total: 2 });
    expect(sli(sliceCounts([EMPTY, EMPTY], 0.99))).toBeNull();
  });

  it("never count more good slices than slices with data", () => {
    fc.assert(
      fc.property(fc.array(counts(1000)), target, (slices, t) => {
        const c = sliceCounts(slices, t);
        expect(c.good).toBeLessThanOrEqual(c.total);
        expect(c.total).toBe(slices.filter((s) => s.total > 0).length);
      }),
    );
  });
});

describe("alert thresholds", () => {
  it("are 14.4, 6 and 1 for a 30-day window", () => {
    // 2 % of the budget in 1 h:  0.02 × 720 h / 1 h  = 14.4
    // 5 % in 6 h:               0.05 × 720 h / 6 h  = 6
    // 10 % in 3 d:              0.10 × 720 h / 72 h = 1
    const thresholds = ALERT_RULES.map((r) => alertThreshold(r, 30 * DAY_MS));
    expect(thresholds[0]).toBeCloseTo(14.4, 12);
    expect(thresholds[1]).toBeCloseTo(6, 12);
    expect(thresholds[2]).toBeCloseTo(1, 12);
  });

  it("scale with the window: 7 days and 90 days", () => {
    // 7 d = 168 h:  0.02 × 168 / 1 = 3.36;  0.05 × 168 / 6 = 1.4;  0.10 × 168 / 72 = 0.2333…
    const week = ALERT_RULES.map((r) => alertThreshold(r, 7 * DAY_MS));
    expect(week[0]).toBeCloseTo(3.36, 12);
    expect(week[1]).toBeCloseTo(1.4, 12);
    expect(week[2]).toBeCloseTo(7 / 30, 12);
    // 90 d = 2,160 h: 0.02 × 2160 = 43.2;  0.05 × 2160 / 6 = 18;  0.10 × 2160 / 72 = 3
    const quarter = ALERT_RULES.map((r) => alertThreshold(r, 90 * DAY_MS));
    expect(quarter[0]).toBeCloseTo(43.2, 12);
    expect(quarter[1]).toBeCloseTo(18, 12);
    expect(quarter[2]).toBeCloseTo(3, 12);
    // A Berlin March (31 days − 1 hour = 743 h): 0.02 × 743 = 14.86.
    expect(alertThreshold(ALERT_RULES[0], 743 * HOUR_MS)).toBeCloseTo(14.86, 12);
  });

  it("are the 30-day ones scaled by window / 30 days", () => {
    fc.assert(
      fc.property(rule, fc.integer({ min: 1, max: 100 * 24 }), (r, hours) => {
        const scaled = (alertThreshold(r, 30 * DAY_MS) * hours) / (30 * 24);
        expect(alertThreshold(r, hours * HOUR_MS)).toBeCloseTo(scaled, 9);
      }),
    );
  });
});

describe("alert rules", () => {
  /** One window's figures from its counts, the way the status code builds them. */
  const figure = (c: Counts, t: number): WindowFigures => ({ ...c, burnRate: burnRate(sli(c), t) });
  const allFigures = (long: WindowFigures, short: WindowFigures, r: (typeof ALERT_RULES)[number]) => {
    const quiet = { good: 0, total: 0, burnRate: null };
    const figures = Object.fromEntries(Object.keys(BURN_WINDOWS).map((w) => [w, quiet])) as Record<
      BurnWindow,
      WindowFigures
    >;
    figures[r.long] = long;
    figures[r.short] = short;
    return figures;
  };

  it("fire exactly when both windows exceed the threshold, never under the min-event guard", () => {
    fc.assert(
      fc.property(
        rule,
        windowDays,
        target,
        counts(100_000),
        counts(100_000),
        fc.nat({ max: 200 }),
        (r, days, t, longCounts, shortCounts, minEvents) => {
          const long = figure(longCounts, t);
          const short = figure(shortCounts, t);
          const verdict = evaluateRule(r, days * DAY_MS, allFigures(long, short, r), minEvents);
          const threshold = alertThreshold(r, days * DAY_MS);
          const enough = longCounts.total >= minEvents && shortCounts.total >= minEvents;
          const over = (c: Counts) => c.total > 0 && (1 - c.good / c.total) / (1 - t) > threshold;
          expect(verdict.guarded).toBe(!enough);
          expect(verdict.firing).toBe(enough && over(longCounts) && over(shortCounts));
          if (verdict.guarded) expect(verdict.firing).toBe(false);
        },
      ),
    );
  });

  it("need both windows: a fast burn in the short window alone does not page", () => {
    const r = ALERT_RULES[0];
    // 99.9 %: 1h at 5 % errors = burn 50; 5m at 5 % = 50; threshold 14.4 → fires.
    const hot = figure({ good: 950, total: 1000 }, 0.999);
    expect(evaluateRule(r, 30 * DAY_MS, allFigures(hot, hot, r), 50).firing).toBe(true);
    // The 1h window recovered to 0.1 % (burn 1): the 5m spike alone does not page.
    const calm = figure({ good: 11_988, total: 12_000 }, 0.999);
    expect(evaluateRule(r, 30 * DAY_MS, allFigures(calm, hot, r), 50).firing).toBe(false);
    // With only 40 events in the 5m window and a minimum of 50, the rule is guarded.
    const thin = figure({ good: 20, total: 40 }, 0.999);
    const guarded = evaluateRule(r, 30 * DAY_MS, allFigures(hot, thin, r), 50);
    expect([guarded.guarded, guarded.firing]).toEqual([true, false]);
  });
});

describe("state", () => {
  it("follows the budget and the alerts", () => {
    expect(sloState(null, true)).toBe("no_data");
    expect(sloState(0, false)).toBe("breaching");
    expect(sloState(-1, false)).toBe("breaching");
    expect(sloState(0.2499, false)).toBe("at_risk");
    expect(sloState(0.25, false)).toBe("healthy");
    expect(sloState(0.9, true)).toBe("at_risk");
    expect(sloState(1, false)).toBe("healthy");
  });
});
