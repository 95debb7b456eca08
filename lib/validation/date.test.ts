import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATE_MESSAGES, dateField, MAX_YEAR, MIN_YEAR, parseIsoDate } from "./date";

const field = dateField();
const messageOf = (value: unknown) => field.safeParse(value).error?.issues[0].message;

describe("dates", () => {
  it("reads ISO dates and date-times as UTC unless they carry an offset", () => {
    expect(field.parse("2026-03-31")).toEqual(new Date("2026-03-31T00:00:00Z"));
    expect(field.parse("2026-03-31T10:15")).toEqual(new Date("2026-03-31T10:15:00Z"));
    expect(field.parse("2026-03-31 10:15:30.5+02:00")).toEqual(new Date("2026-03-31T08:15:30.5Z"));
    expect(field.parse(new Date("2000-01-01T00:00:00Z"))).toEqual(new Date("2000-01-01T00:00:00Z"));
  });

  it("refuses years outside 1970–9999, however they are written", () => {
    for (const value of ["0001-01-01", "1969-12-31", "+275760-09-13", "-000001-01-01", "10000-01-01"])
      expect(messageOf(value)).toBe(DATE_MESSAGES.range);
    // An offset may carry the last hour of 9999 into 10000.
    expect(messageOf("9999-12-31T23:00-05:00")).toBe(DATE_MESSAGES.range);
    expect(messageOf(new Date("0500-01-01T00:00:00Z"))).toBe(DATE_MESSAGES.range);
    expect(field.parse("9999-12-31")).toEqual(new Date("9999-12-31T00:00:00Z"));
    expect(field.parse("1970-01-01")).toEqual(new Date(0));
  });

  it("refuses what is not a date instead of coercing it", () => {
    for (const value of [
      true,
      false,
      0,
      1_700_000_000_000,
      [],
      {},
      "",
      "31/03/2026",
      "March 31, 2026",
      "2024-02-31",
    ])
      expect(messageOf(value)).toBe(DATE_MESSAGES.format);
    expect(messageOf(new Date(Number.NaN))).toBe(DATE_MESSAGES.format);
  });

  it("accepts every day of the supported years and gives it back as written", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(MIN_YEAR, 0, 1)),
          max: new Date(Date.UTC(MAX_YEAR, 11, 31)),
          noInvalidDate: true,
        }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          const parsed = parseIsoDate(day);
          expect(parsed.ok && parsed.date.toISOString().slice(0, 10)).toBe(day);
          expect(parseIsoDate(date.toISOString())).toEqual({ ok: true, date });
        },
      ),
    );
  });
});
