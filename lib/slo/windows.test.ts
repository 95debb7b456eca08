import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CALENDAR_UNITS, type CalendarUnit } from "@/db/schema/slo";
import { localParts } from "./time-zone";
import { BUCKET_MS, bucketOf, calendarPeriod, DAY_MS, HOUR_MS, windowAt, windowDays } from "./windows";

/** Zones with the awkward rules (as in time-zone.test.ts). */
const ODD_ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "America/Santiago",
  "America/Havana",
  "Asia/Amman",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
  "Antarctica/Vostok",
  "Antarctica/Casey",
] as const;

const iso = (t: number) => new Date(t).toISOString();
const at = (s: string) => Date.parse(s);
const span = (unit: CalendarUnit, zone: string, t: string) => {
  const p = calendarPeriod(unit, zone, at(t));
  return { start: iso(p.start), end: iso(p.end), hours: (p.end - p.start) / HOUR_MS };
};

describe("rolling windows", () => {
  it("cover the bucket holding now and the 30 days of buckets before it, no more", () => {
    // now = 2026-03-15 12:02Z sits in the 12:00 bucket, which ends at e = 12:05.
    // The window is [e − 30 d, e) = [2026-02-13 12:05Z, 2026-03-15 12:05Z): 8,640 buckets.
    const w = windowAt({ type: "rolling", days: 30 }, at("2026-03-15T12:02:00Z"));
    expect(iso(w.start)).toBe("2026-02-13T12:05:00.000Z");
    expect(iso(w.end)).toBe("2026-03-15T12:05:00.000Z");
    expect((w.end - w.start) / BUCKET_MS).toBe(8640);
    // The bucket exactly 30 days before the current one (2026-02-13 12:00) is out …
    const covered = (bucket: number) => w.start <= bucket && bucket < w.end;
    expect(covered(at("2026-02-13T12:00:00Z"))).toBe(false);
    // … the one after it is in, and so is the current bucket; the next one is not yet.
    expect(covered(at("2026-02-13T12:05:00Z"))).toBe(true);
    expect(covered(at("2026-03-15T12:00:00Z"))).toBe(true);
    expect(covered(at("2026-03-15T12:05:00Z"))).toBe(false);
  });

  it("move only when now crosses a bucket boundary", () => {
    const spec = { type: "rolling", days: 7 } as const;
    const a = windowAt(spec, at("2026-03-15T12:00:00Z"));
    const b = windowAt(spec, at("2026-03-15T12:04:59.999Z"));
    const c = windowAt(spec, at("2026-03-15T12:05:00Z"));
    expect(a).toEqual(b);
    expect(c.start - a.start).toBe(BUCKET_MS);
  });

  it("always span their days, end on a bucket boundary and hold now in their last bucket", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(7, 28, 30, 90),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) }),
        (days, now) => {
          const w = windowAt({ type: "rolling", days }, now);
          expect(w.end - w.start).toBe(days * DAY_MS);
          expect(w.length).toBe(days * DAY_MS);
          expect(w.end % BUCKET_MS).toBe(0);
          expect(bucketOf(now)).toBe(w.end - BUCKET_MS);
        },
      ),
    );
  });
});

describe("calendar windows", () => {
  it("a Berlin March: CET midnight to CEST midnight, 31 days less the hour DST skips", () => {
    // 2026-03-01 00:00 CET (+1) = 2026-02-28 23:00Z; 2026-04-01 00:00 CEST (+2) = 2026-03-31 22:00Z.
    // 31 × 24 h − 1 h = 743 h.
    expect(span("month", "Europe/Berlin", "2026-03-15T12:00:00Z")).toEqual({
      start: "2026-02-28T23:00:00.000Z",
      end: "2026-03-31T22:00:00.000Z",
      hours: 743,
    });
    // 22:55Z on Feb 28 is 23:55 in Berlin, still February; 23:00Z is March.
    expect(span("month", "Europe/Berlin", "2026-02-28T22:55:00Z").end).toBe("2026-02-28T23:00:00.000Z");
    expect(span("month", "Europe/Berlin", "2026-02-28T23:00:00Z").start).toBe("2026-02-28T23:00:00.000Z");
  });

  it("a New York November: EDT midnight to EST midnight, 30 days and the hour DST repeats", () => {
    // 2026-11-01 00:00 EDT (−4) = 04:00Z (the change is at 02:00 that morning);
    // 2026-12-01 00:00 EST (−5) = 05:00Z. 30 × 24 h + 1 h = 721 h.
    expect(span("month", "America/New_York", "2026-11-20T12:00:00Z")).toEqual({
      start: "2026-11-01T04:00:00.000Z",
      end: "2026-12-01T05:00:00.000Z",
      hours: 721,
    });
  });

  it("a week runs Monday to Monday, across a year end and across DST", () => {
    // Thursday 2026-01-01 is in the ISO week from Monday 2025-12-29.
    expect(span("week", "UTC", "2026-01-01T12:00:00Z")).toEqual({
      start: "2025-12-29T00:00:00.000Z",
      end: "2026-01-05T00:00:00.000Z",
      hours: 168,
    });
    // Berlin's week of Sunday 2026-03-29 (spring forward): Mon 23 00:00 CET = 22 23:00Z to
    // Mon 30 00:00 CEST = 29 22:00Z, 7 × 24 − 1 = 167 h. A Sunday belongs to the week before.
    expect(span("week", "Europe/Berlin", "2026-03-29T21:59:00Z")).toEqual({
      start: "2026-03-22T23:00:00.000Z",
      end: "2026-03-29T22:00:00.000Z",
      hours: 167,
    });
  });

  it("a quarter starts on the 1st of January, April, July or October", () => {
    // Q1 2026 in UTC: 31 + 28 + 31 = 90 days.
    expect(span("quarter", "UTC", "2026-02-10T00:00:00Z")).toEqual({
      start: "2026-01-01T00:00:00.000Z",
      end: "2026-04-01T00:00:00.000Z",
      hours: 90 * 24,
    });
    // Q4 2026 in New York: Oct 1 00:00 EDT = 04:00Z to Jan 1 00:00 EST = 05:00Z,
    // 31 + 30 + 31 = 92 days and the repeated hour: 2,209 h.
    expect(span("quarter", "America/New_York", "2026-12-31T12:00:00Z")).toEqual({
      start: "2026-10-01T04:00:00.000Z",
      end: "2027-01-01T05:00:00.000Z",
      hours: 92 * 24 + 1,
    });
  });

  it("a Kolkata month starts at 18:30Z the day before (+5:30, no DST)", () => {
    expect(span("month", "Asia/Kolkata", "2026-03-10T00:00:00Z")).toEqual({
      start: "2026-02-28T18:30:00.000Z",
      end: "2026-03-31T18:30:00.000Z",
      hours: 31 * 24,
    });
    // 18:25Z is 23:55 IST on Feb 28; 18:30Z is 00:00 IST on March 1.
    expect(span("month", "Asia/Kolkata", "2026-02-28T18:25:00Z").start).toBe("2026-01-31T18:30:00.000Z");
  });

  it("a week in Vostok starts at the first of its two midnights (regression)", () => {
    // Antarctica/Vostok moved from +7 to +5 at 02:00 on Monday 2023-12-18, so that Monday's
    // midnight came at 17:00Z and again at 19:00Z. The old zonedInstant took 19:00Z and put
    // 18:00Z (01:00 Monday, local) in the week before.
    expect(span("week", "Antarctica/Vostok", "2023-12-17T18:00:00Z").start).toBe("2023-12-17T17:00:00.000Z");
  });

  it("read at now, cover the period's start to the end of the bucket holding now", () => {
    const w = windowAt(
      { type: "calendar", unit: "month", timeZone: "Europe/Berlin" },
      at("2026-03-15T12:02:00Z"),
    );
    expect(iso(w.start)).toBe("2026-02-28T23:00:00.000Z");
    expect(iso(w.end)).toBe("2026-03-15T12:05:00.000Z");
    expect(w.length).toBe(743 * HOUR_MS);
    expect(iso(w.periodEnd)).toBe("2026-03-31T22:00:00.000Z");
    expect(windowDays({ type: "calendar", unit: "month", timeZone: "Europe/Berlin" }, w.start)).toBeCloseTo(
      743 / 24,
      12,
    );
  });

  it("always hold t, tile time, and start at the first instant of their first local day", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CALENDAR_UNITS),
        fc.constantFrom(...ODD_ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) }),
        (unit, zone, t) => {
          const p = calendarPeriod(unit, zone, t);
          expect(p.start <= t && t < p.end).toBe(true);
          expect(calendarPeriod(unit, zone, p.end).start).toBe(p.end);
          expect(calendarPeriod(unit, zone, p.start - 1).end).toBe(p.start);
          const first = localParts(p.start, zone);
          const before = localParts(p.start - 60_000, zone);
          expect(before.day === first.day && before.month === first.month).toBe(false);
          if (unit === "week")
            expect(new Date(Date.UTC(first.year, first.month - 1, first.day)).getUTCDay()).toBe(1);
          else expect(first.day).toBe(1);
          if (unit === "quarter") expect([1, 4, 7, 10]).toContain(first.month);
          const days = (p.end - p.start) / DAY_MS;
          const [min, max] = { week: [7, 7], month: [28, 31], quarter: [89, 92] }[unit];
          expect(days).toBeGreaterThan(min - 0.2);
          expect(days).toBeLessThan(max + 0.2);
        },
      ),
      { numRuns: 300 },
    );
  });
});
