import { describe, expect, it } from "vitest";
import { type IncidentTimes, incidentMetrics, isoWeekStart, type Period, weeklyImpact } from "./metrics-math";

const at = (iso: string) => new Date(`${iso}Z`);
const H = 3600;
const incident = (times: Partial<IncidentTimes> & { declaredAt: Date }): IncidentTimes => ({
  status: "resolved",
  impactStartedAt: null,
  detectedAt: null,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  ...times,
});
/** Monday 3 March 2025 to Monday 10 March: one ISO week, 604,800 s. */
const WEEK: Period = { from: at("2025-03-03T00:00"), to: at("2025-03-10T00:00") };
const EMPTY_SUMMARY = { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };

describe("incident metrics, worked by hand", () => {
  it("are empty for a quiet period: nulls, no failures, no downtime", () => {
    const before = incident({ declaredAt: at("2025-03-01T10:00"), resolvedAt: at("2025-03-02T23:00") });
    expect(incidentMetrics([before], WEEK)).toEqual({
      incidents: 0,
      open: 0,
      mttd: EMPTY_SUMMARY,
      mtta: EMPTY_SUMMARY,
      mttr: EMPTY_SUMMARY,
      mtbf: { seconds: null, failures: 0, downtimeSeconds: 0, periodSeconds: 7 * 24 * H },
    });
  });

  it("count open incidents apart from MTTR, their downtime running to the period's end", () => {
    const m = incidentMetrics(
      [
        incident({
          impactStartedAt: at("2025-03-04T10:00"),
          detectedAt: at("2025-03-04T10:05"),
          declaredAt: at("2025-03-04T10:10"),
          acknowledgedAt: at("2025-03-04T10:20"),
          resolvedAt: at("2025-03-04T11:00"),
        }),
        incident({
          status: "open",
          impactStartedAt: at("2025-03-09T12:00"),
          declaredAt: at("2025-03-09T12:10"),
          acknowledgedAt: at("2025-03-09T12:15"),
        }),
      ],
      WEEK,
    );
    expect([m.incidents, m.open]).toEqual([2, 1]);
    expect(m.mttr).toEqual({ count: 1, meanSeconds: H, medianSeconds: H, p90Seconds: H });
    // Only the first records its impact start and detection: 10:00 → 10:05.
    expect(m.mttd).toEqual({ count: 1, meanSeconds: 300, medianSeconds: 300, p90Seconds: 300 });
    // 300 s and 600 s: mean and median 450, p90 = 300 + 0.9 × (600 − 300) = 570.
    expect(m.mtta.meanSeconds).toBe(450);
    expect(m.mtta.medianSeconds).toBe(450);
    expect(m.mtta.p90Seconds).toBeCloseTo(570, 9);
    // 1 h resolved + 9 Mar 12:00 → 10 Mar 00:00 still open (12 h) = 13 h; (168 h − 13 h) / 2.
    expect(m.mtbf).toEqual({
      seconds: (155 * H) / 2,
      failures: 2,
      downtimeSeconds: 13 * H,
      periodSeconds: 168 * H,
    });
  });

  it("clip incidents spanning the edges: downtime inside only, failures by start", () => {
    const m = incidentMetrics(
      [
        // Started before the period: 1.5 h inside it, not one of its failures.
        incident({
          impactStartedAt: at("2025-03-02T22:00"),
          declaredAt: at("2025-03-02T22:30"),
          resolvedAt: at("2025-03-03T01:30"),
        }),
        // Started inside, resolved after: a failure with its whole 4 h MTTR, 1 h of downtime inside.
        incident({ declaredAt: at("2025-03-09T23:00"), resolvedAt: at("2025-03-10T03:00") }),
      ],
      WEEK,
    );
    expect([m.incidents, m.open, m.mttr.meanSeconds]).toEqual([1, 0, 4 * H]);
    expect(m.mtbf).toEqual({
      seconds: 165.5 * H,
      failures: 1,
      downtimeSeconds: 2.5 * H,
      periodSeconds: 168 * H,
    });
    // Open since February: the whole week is down, and none of it is the week's failure.
    const ongoing = incident({ status: "open", declaredAt: at("2025-02-20T08:00") });
    expect(incidentMetrics([ongoing], WEEK).mtbf).toMatchObject({ seconds: null, downtimeSeconds: 168 * H });
    // Half-open: a start at `from` is the period's, a start at `to` the next one's.
    const onEdges = [incident({ declaredAt: WEEK.from }), incident({ declaredAt: WEEK.to })];
    expect(incidentMetrics(onEdges, WEEK).incidents).toBe(1);
  });

  it("count overlapping incidents' downtime once: the union, not the sum", () => {
    const day = (from: string, to: string) =>
      incident({ declaredAt: at(`2025-03-05T${from}`), resolvedAt: at(`2025-03-05T${to}`) });
    // 10–12, 11–13, 12:30–12:45 inside the second, 13–14 touching it: 10:00–14:00 = 4 h (the sum is 5.25 h).
    const m = incidentMetrics(
      [day("10:00", "12:00"), day("11:00", "13:00"), day("12:30", "12:45"), day("13:00", "14:00")],
      WEEK,
    );
    expect(m.mtbf).toEqual({
      seconds: (164 * H) / 4,
      failures: 4,
      downtimeSeconds: 4 * H,
      periodSeconds: 168 * H,
    });
    expect(m.mttr.meanSeconds).toBe(((2 + 2 + 0.25 + 1) * H) / 4);
  });

  it("ignore cancelled and duplicate incidents everywhere", () => {
    const real = incident({
      declaredAt: at("2025-03-05T10:00"),
      acknowledgedAt: at("2025-03-05T10:01"),
      resolvedAt: at("2025-03-05T11:00"),
    });
    const ghost = (status: IncidentTimes["status"]) =>
      incident({
        status,
        impactStartedAt: at("2025-03-01T00:00"),
        detectedAt: at("2025-03-03T09:00"),
        declaredAt: at("2025-03-04T00:00"),
        acknowledgedAt: at("2025-03-04T00:01"),
      });
    const alone = incidentMetrics([real], WEEK);
    expect(incidentMetrics([real, ghost("cancelled"), ghost("duplicate")], WEEK)).toEqual(alone);
    expect(weeklyImpact([real, ghost("cancelled"), ghost("duplicate")], WEEK)).toEqual(
      weeklyImpact([real], WEEK),
    );
    // The same ghost, still open, would take the whole week down.
    expect(incidentMetrics([real, ghost("open")], WEEK).mtbf.downtimeSeconds).toBe(168 * H);
  });

  it("start at the declaration when the impact start is unknown", () => {
    const m = incidentMetrics(
      [
        incident({
          declaredAt: at("2025-03-05T09:00"),
          detectedAt: at("2025-03-05T08:55"),
          resolvedAt: at("2025-03-05T09:45"),
        }),
        // Impact started before the period, declared inside it: a failure of the week before.
        incident({
          impactStartedAt: at("2025-03-02T23:00"),
          declaredAt: at("2025-03-03T01:00"),
          resolvedAt: at("2025-03-03T02:00"),
        }),
      ],
      WEEK,
    );
    expect([m.incidents, m.mttr.count, m.mttr.meanSeconds]).toEqual([1, 1, 45 * 60]);
    // No impact start, so no time to detect either.
    expect(m.mttd).toEqual(EMPTY_SUMMARY);
  });
});

describe("weekly impact, worked by hand", () => {
  it("splits a mid-week period into the ISO weeks it touches", () => {
    // Wed 5 March 12:00 → Wed 19 March 12:00 touches the weeks of 3, 10 and 17 March.
    const period = { from: at("2025-03-05T12:00"), to: at("2025-03-19T12:00") };
    const weeks = weeklyImpact(
      [
        // Since 1 March, resolved 5 March 13:00: 60 min inside, not a failure of the period.
        incident({ declaredAt: at("2025-03-01T08:00"), resolvedAt: at("2025-03-05T13:00") }),
        // Sunday 23:00 → Monday 01:00: 60 min in each week, counted in the week it started.
        incident({ declaredAt: at("2025-03-09T23:00"), resolvedAt: at("2025-03-10T01:00") }),
        // Still open: 24 h to the period's end.
        incident({ status: "open", declaredAt: at("2025-03-18T12:00") }),
      ],
      period,
    );
    expect(weeks).toEqual([
      { weekStart: at("2025-03-03T00:00"), incidents: 1, impactMinutes: 120 },
      { weekStart: at("2025-03-10T00:00"), incidents: 0, impactMinutes: 60 },
      { weekStart: at("2025-03-17T00:00"), incidents: 1, impactMinutes: 1440 },
    ]);
    // A period of exactly one ISO week is one week, not two; an empty period has none.
    expect(weeklyImpact([], WEEK)).toEqual([{ weekStart: WEEK.from, incidents: 0, impactMinutes: 0 }]);
    expect(weeklyImpact([], { from: WEEK.from, to: WEEK.from })).toEqual([]);
  });

  it("start weeks on Monday 00:00 UTC, before the epoch too", () => {
    expect(isoWeekStart(at("2025-03-09T23:59:59.999").getTime())).toBe(at("2025-03-03T00:00").getTime());
    expect(isoWeekStart(at("2025-03-10T00:00").getTime())).toBe(at("2025-03-10T00:00").getTime());
    expect(isoWeekStart(at("1970-01-01T00:00").getTime())).toBe(at("1969-12-29T00:00").getTime());
  });
});
