import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type IncidentTimes, incidentMetrics, isoWeekStart, type Period, weeklyImpact } from "./metrics-math";

const DAY_MS = 24 * 60 * 60_000;
/** Monday 6 January 2025. */
const T0 = Date.UTC(2025, 0, 6);
/**
 * Offsets in ms, half of them whole days: edges then coincide often (an incident starting
 * exactly at the period's start, a period ending on a Monday), where half-open rules matter.
 */
const offset = (days: number) =>
  fc.oneof(
    fc.integer({ min: -days * DAY_MS, max: days * DAY_MS }),
    fc.integer({ min: -days, max: days }).map((d) => d * DAY_MS),
  );
const instant = offset(60).map((ms) => T0 + ms);
const gap = fc.oneof(
  fc.integer({ min: 0, max: 3 * DAY_MS }),
  fc.integer({ min: 0, max: 3 }).map((d) => d * DAY_MS),
);
const date = instant.map((t) => new Date(t));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const status = fc.constantFrom<IncidentTimes["status"]>(
  "open",
  "mitigated",
  "resolved",
  "closed",
  "cancelled",
  "duplicate",
);

/** Times in the order the design requires (impact ≤ detected ≤ … ≤ resolved), some missing. */
const ordered = fc
  .record({
    status,
    impact: instant,
    gaps: fc.array(gap, { minLength: 5, maxLength: 5 }),
    has: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .map(({ status, impact, gaps, has }): IncidentTimes => {
    const times: Date[] = [];
    for (const g of gaps) times.push(new Date((times.at(-1)?.getTime() ?? impact) + g));
    const [detected, declared, acknowledged, mitigated, resolved] = times;
    return {
      status,
      impactStartedAt: has[0] ? new Date(impact) : null,
      detectedAt: has[1] ? detected : null,
      declaredAt: declared,
      acknowledgedAt: has[2] ? acknowledged : null,
      mitigatedAt: has[3] ? mitigated : null,
      resolvedAt: has[4] ? resolved : null,
    };
  });
/** Any times at all: nothing may crash or break the identities below. */
const chaotic = fc.record({
  status,
  impactStartedAt: maybe(date),
  detectedAt: maybe(date),
  declaredAt: date,
  acknowledgedAt: maybe(date),
  mitigatedAt: maybe(date),
  resolvedAt: maybe(date),
});
const incidents = fc.array(fc.oneof(ordered, ordered, chaotic), { maxLength: 25 });
const period = fc
  .tuple(offset(30), offset(40).map(Math.abs))
  .map(([start, length]): Period => ({ from: new Date(T0 + start), to: new Date(T0 + start + length) }));

describe("incident metrics, properties", () => {
  it("keep downtime within the period and mtbf × failures + downtime = period length", () => {
    fc.assert(
      fc.property(incidents, period, (list, p) => {
        const { mtbf, incidents: n, open, mttr } = incidentMetrics(list, p);
        expect(mtbf.periodSeconds).toBe((p.to.getTime() - p.from.getTime()) / 1000);
        expect(mtbf.downtimeSeconds).toBeGreaterThanOrEqual(0);
        expect(mtbf.downtimeSeconds).toBeLessThanOrEqual(mtbf.periodSeconds);
        expect([mtbf.failures, open + mttr.count]).toEqual([n, n]);
        if (n === 0) expect(mtbf.seconds).toBeNull();
        else
          expect(Math.abs(mtbf.seconds! * n + mtbf.downtimeSeconds - mtbf.periodSeconds)).toBeLessThan(1e-6);
      }),
    );
  });

  it("count failures by a start in [from, to), ignoring cancelled and duplicate ones", () => {
    fc.assert(
      fc.property(incidents, period, (list, p) => {
        const starts = list
          .filter((i) => i.status !== "cancelled" && i.status !== "duplicate")
          .map((i) => (i.impactStartedAt ?? i.declaredAt).getTime());
        const inside = starts.filter((t) => p.from.getTime() <= t && t < p.to.getTime());
        expect(incidentMetrics(list, p).incidents).toBe(inside.length);
      }),
    );
  });

  it("add up week by week to the period's incidents and downtime, over consecutive Mondays", () => {
    fc.assert(
      fc.property(incidents, period, (list, p) => {
        const m = incidentMetrics(list, p);
        const weeks = weeklyImpact(list, p);
        expect(weeks.reduce((sum, w) => sum + w.incidents, 0)).toBe(m.incidents);
        const minutes = weeks.reduce((sum, w) => sum + w.impactMinutes, 0);
        expect(Math.abs(minutes * 60 - m.mtbf.downtimeSeconds)).toBeLessThan(1e-6);
        if (p.from.getTime() === p.to.getTime()) {
          expect(weeks).toEqual([]);
          return;
        }
        // Every Monday from the one starting the period's first week, the last one before its end.
        const first = isoWeekStart(p.from.getTime());
        expect(weeks.map((w) => w.weekStart.getTime())).toEqual(weeks.map((_, k) => first + k * 7 * DAY_MS));
        expect(weeks.at(-1)!.weekStart.getTime()).toBeLessThan(p.to.getTime());
        expect(weeks.at(-1)!.weekStart.getTime() + 7 * DAY_MS).toBeGreaterThanOrEqual(p.to.getTime());
      }),
    );
  });

  it("do not depend on the order of the incidents", () => {
    const shuffled = incidents.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
    );
    fc.assert(
      fc.property(shuffled, period, ([list, other], p) => {
        expect(incidentMetrics(other, p)).toEqual(incidentMetrics(list, p));
        expect(weeklyImpact(other, p)).toEqual(weeklyImpact(list, p));
      }),
    );
  });
});
