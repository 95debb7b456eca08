import { describe, expect, it } from "vitest";
import { excludedIntervals, occurrences, rruleProblem } from "./exclusions";

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe("adjustment repetition", () => {
  it("accepts hourly and slower rules, and refuses anything that repeats faster than hourly", () => {
    expect(rruleProblem("FREQ=WEEKLY;BYDAY=SU", at("2026-11-01T02:00Z"))).toBeNull();
    expect(rruleProblem("FREQ=HOURLY", at("2026-11-01T02:00Z"))).toBeNull();
    expect(rruleProblem("FREQ=MINUTELY", at("2026-11-01T02:00Z"))).toMatch(/at most hourly/);
    // An hourly rule made to repeat every 30 minutes (or every second) through BY* lists.
    expect(rruleProblem("FREQ=HOURLY;BYMINUTE=0,30", at("2026-11-01T02:00Z"))).toMatch(/at most hourly/);
    expect(rruleProblem("FREQ=HOURLY;BYMINUTE=0;BYSECOND=0,1,2", at("2026-11-01T02:00Z"))).toMatch(
      /at most hourly/,
    );
    expect(rruleProblem("FREQ=SOMETIMES", at("2026-11-01T02:00Z"))).toMatch(/Not an RRULE/);
  });

  it("counts the stored start as the first occurrence even when the rule does not match it", () => {
    // Monday 2026-05-25 02:00Z, repeating on Sundays: the Monday is excluded too.
    const spec = { startsAt: at("2026-05-25T02:00Z"), durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=SU" };
    const got = occurrences(spec, { start: at("2026-05-24T00:00Z"), end: at("2026-06-01T00:00Z") });
    expect(got.map((i) => new Date(i.start).toISOString())).toEqual([
      "2026-05-25T02:00:00.000Z",
      "2026-05-31T02:00:00.000Z",
    ]);
  });

  it("expands an hourly rule over 93 days without cutting it short", () => {
    const spec = { startsAt: at("2026-09-01T00:00Z"), durationMinutes: 5, rrule: "FREQ=HOURLY" };
    const span = { start: at("2026-09-01T00:00Z"), end: at("2026-09-01T00:00Z") + 93 * 24 * HOUR };
    expect(excludedIntervals([spec], span)).toHaveLength(93 * 24);
  });
});
