import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTimeZone, localParts, offsetMinutes, zonedInstant } from "./time-zone";

/** Zones with the awkward rules: DST both ways, half-hour offsets and gaps, midnight changes. */
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
  "Pacific/Chatham",
  "Antarctica/Casey",
] as const;

const iso = (t: number) => new Date(t).toISOString();
/** The wall clock at `t` in `zone`, read as if it were UTC. */
const wallAt = (t: number, zone: string) => {
  const p = localParts(t, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
};

describe("offsets", () => {
  it("follow the zone's rules", () => {
    expect(offsetMinutes(Date.UTC(2026, 0, 15), "Europe/Berlin")).toBe(60);
    expect(offsetMinutes(Date.UTC(2026, 6, 15), "Europe/Berlin")).toBe(120);
    expect(offsetMinutes(Date.UTC(2026, 0, 15), "America/New_York")).toBe(-300);
    expect(offsetMinutes(Date.UTC(2026, 6, 15), "America/New_York")).toBe(-240);
    expect(offsetMinutes(Date.UTC(2026, 6, 15), "Asia/Kolkata")).toBe(330);
    expect(offsetMinutes(Date.UTC(2026, 6, 15), "Asia/Kathmandu")).toBe(345);
  });

  it("know the zones this runtime knows", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

describe("zonedInstant", () => {
  it("names the one instant of an ordinary local time", () => {
    // Kolkata is +5:30 all year: 2026-03-01 00:00 IST = 2026-02-28 18:30Z.
    expect(iso(zonedInstant(2026, 3, 1, "Asia/Kolkata"))).toBe("2026-02-28T18:30:00.000Z");
    // Berlin in winter, +1: 2026-03-01 00:00 CET = 2026-02-28 23:00Z.
    expect(iso(zonedInstant(2026, 3, 1, "Europe/Berlin"))).toBe("2026-02-28T23:00:00.000Z");
  });

  it("resolves a time skipped by spring-forward to the instant of the change", () => {
    // Berlin 2026-03-29: at 01:00Z the clock jumps 02:00 CET → 03:00 CEST, so 02:00 never
    // shows; it resolves to 01:00Z, which reads 03:00.
    const berlin = zonedInstant(2026, 3, 29, "Europe/Berlin", 2);
    expect(iso(berlin)).toBe("2026-03-29T01:00:00.000Z");
    expect(localParts(berlin, "Europe/Berlin")).toMatchObject({ hour: 3, minute: 0 });
    // New York 2026-03-08: 02:00 EST → 03:00 EDT at 07:00Z.
    expect(iso(zonedInstant(2026, 3, 8, "America/New_York", 2))).toBe("2026-03-08T07:00:00.000Z");
    // Lord Howe skips only half an hour (02:00 → 02:30 at 15:30Z).
    expect(iso(zonedInstant(2026, 10, 4, "Australia/Lord_Howe", 2))).toBe("2026-10-03T15:30:00.000Z");
    // Santiago skips midnight itself (00:00 −4 → 01:00 −3 at 04:00Z): the day starts at 01:00.
    expect(iso(zonedInstant(2026, 9, 6, "America/Santiago"))).toBe("2026-09-06T04:00:00.000Z");
  });

  it("resolves a time repeated by fall-back to its first occurrence", () => {
    // Berlin 2026-10-25: 02:00–03:00 happens twice, first in CEST (+2) from 00:00Z, then in CET
    // (+1) from 01:00Z. The first is 00:00Z; the old code answered 01:00Z.
    expect(iso(zonedInstant(2026, 10, 25, "Europe/Berlin", 2))).toBe("2026-10-25T00:00:00.000Z");
    // New York 2026-11-01: 01:00 EDT (−4) = 05:00Z comes before 01:00 EST (−5) = 06:00Z.
    expect(iso(zonedInstant(2026, 11, 1, "America/New_York", 1))).toBe("2026-11-01T05:00:00.000Z");
    // Amman 2021-10-29 fell back 01:00 → 00:00, so midnight came twice: first at +3 (21:00Z);
    // the old code answered 22:00Z, an hour into the day.
    expect(iso(zonedInstant(2021, 10, 29, "Asia/Amman"))).toBe("2021-10-28T21:00:00.000Z");
  });

  it("is the first instant whose wall clock shows the asked-for time or later", () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...ODD_ZONES), (t, zone) => {
        const p = localParts(t, zone);
        const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour);
        const r = zonedInstant(p.year, p.month, p.day, zone, p.hour);
        expect(wallAt(r, zone)).toBeGreaterThanOrEqual(wall);
        expect(wallAt(r - 60_000, zone)).toBeLessThan(wall);
        // t itself shows a time in that hour, so the first such instant is no later than t.
        expect(r).toBeLessThanOrEqual(t);
      }),
      { numRuns: 500 },
    );
  });

  it("does so for every local hour of 2026 in zones with DST", () => {
    const wrong: string[] = [];
    for (const zone of ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"]) {
      for (let wall = Date.UTC(2026, 0, 1); wall < Date.UTC(2027, 0, 1); wall += 3_600_000) {
        const d = new Date(wall);
        const r = zonedInstant(
          d.getUTCFullYear(),
          d.getUTCMonth() + 1,
          d.getUTCDate(),
          zone,
          d.getUTCHours(),
        );
        if (wallAt(r, zone) < wall || wallAt(r - 60_000, zone) >= wall) wrong.push(`${zone} ${iso(wall)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("puts local midnight at the first instant of the local day, every day for a decade", () => {
    const wrong: string[] = [];
    for (const zone of ODD_ZONES) {
      for (let d = Date.UTC(2020, 0, 1); d < Date.UTC(2031, 0, 1); d += 86_400_000) {
        const date = new Date(d);
        const [y, m, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const r = zonedInstant(y, m, day, zone);
        const at = localParts(r, zone);
        const before = localParts(r - 60_000, zone);
        const sameDay = (q: typeof at) => q.year === y && q.month === m && q.day === day;
        if (!sameDay(at) || sameDay(before)) wrong.push(`${zone} ${iso(d).slice(0, 10)} → ${iso(r)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
