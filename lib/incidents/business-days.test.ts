import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessDaysAfter, isoDay, isPastDue } from "./business-days";

const day = (s: string) => new Date(`${s}T12:00:00Z`);
const plus = (s: string, n: number) => isoDay(businessDaysAfter(day(s), n));

describe("businessDaysAfter", () => {
  it("counts Monday to Friday only", () => {
    // 2026-12-07 is a Monday.
    expect(plus("2026-12-07", 1)).toBe("2026-12-08");
    expect(plus("2026-12-07", 4)).toBe("2026-12-11");
    expect(plus("2026-12-07", 5)).toBe("2026-12-14");
  });

  it("skips the weekend from a Friday, a Saturday and a Sunday", () => {
    expect(plus("2026-12-11", 1)).toBe("2026-12-14");
    expect(plus("2026-12-12", 1)).toBe("2026-12-14");
    expect(plus("2026-12-13", 1)).toBe("2026-12-14");
    expect(plus("2026-12-11", 5)).toBe("2026-12-18");
    expect(plus("2026-12-12", 5)).toBe("2026-12-18");
  });

  it("goes by the UTC day, whatever the time of day", () => {
    expect(isoDay(businessDaysAfter(new Date("2026-12-11T23:59:59Z"), 1))).toBe("2026-12-14");
    expect(isoDay(businessDaysAfter(new Date("2026-12-11T23:30:00-05:00"), 1))).toBe("2026-12-14"); // Sat 04:30 UTC
    expect(businessDaysAfter(new Date("2026-12-07T15:00Z"), 0).toISOString()).toBe(
      "2026-12-07T00:00:00.000Z",
    );
  });

  it("refuses a negative or fractional count", () => {
    expect(() => businessDaysAfter(day("2026-12-07"), -1)).toThrow(RangeError);
    expect(() => businessDaysAfter(day("2026-12-07"), 1.5)).toThrow(RangeError);
  });

  it("always lands on a weekday at least n days later, and at most a weekend per five days more", () => {
    const start = Date.UTC(1990, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 365 * 86_400 }),
        fc.integer({ min: 1, max: 60 }),
        (seconds, n) => {
          const from = new Date(start + seconds * 1000);
          const due = businessDaysAfter(from, n);
          const midnight = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
          const days = (due.getTime() - midnight) / 86_400_000;
          expect([1, 2, 3, 4, 5]).toContain(due.getUTCDay());
          expect(days).toBeGreaterThanOrEqual(n);
          expect(days).toBeLessThanOrEqual(n + 2 * Math.ceil(n / 5) + 1);
          // Counting the weekdays in between gives n back.
          let weekdays = 0;
          for (let d = midnight + 86_400_000; d <= due.getTime(); d += 86_400_000)
            if (![0, 6].includes(new Date(d).getUTCDay())) weekdays += 1;
          expect(weekdays).toBe(n);
        },
      ),
    );
  });
});

describe("isPastDue", () => {
  it("is past due from the day after the due day, in UTC", () => {
    const now = new Date("2026-12-09T08:00Z");
    expect(isPastDue("2026-12-08", now)).toBe(true);
    expect(isPastDue("2026-12-09", now)).toBe(false);
    expect(isPastDue(null, now)).toBe(false);
  });
});
