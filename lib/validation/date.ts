import { z } from "zod";

/** The years a stored date may fall in: the Unix epoch up to four-digit years. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;

// A date, or a date-time with an optional offset; the year may carry ISO 8601's sign and extra
// digits (+275760-09-13) so that such a date is refused for its range, not its spelling.
const ISO_DATE =
  /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export type DateProblem = "format" | "range";

/**
 * Reads an ISO 8601 date or date-time. One without an offset is UTC, so the result does
 * not depend on the host, and impossible days (2024-02-31) are refused rather than rolled
 * over as `Date` would. Years outside 1970–9999 are refused too: PostgreSQL and JavaScript
 * disagree about them, and no real DR test or deadline lies there.
 */
export function parseIsoDate(value: string): { ok: true; date: Date } | { ok: false; problem: DateProblem } {
  const v = value.trim();
  const m = ISO_DATE.exec(v);
  if (!m) return { ok: false, problem: "format" };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, problem: "range" };
  const midnight = new Date(Date.UTC(year, month - 1, day));
  if (midnight.getUTCMonth() !== month - 1 || midnight.getUTCDate() !== day)
    return { ok: false, problem: "format" };
  const iso = v.replace(" ", "T");
  const date = m[4] === undefined ? midnight : new Date(m[7] ? iso : `${iso}Z`);
  if (Number.isNaN(date.getTime())) return { ok: false, problem: "format" };
  // An offset can push 9999-12-31T23:00-05:00 into year 10000.
  if (date.getUTCFullYear() < MIN_YEAR || date.getUTCFullYear() > MAX_YEAR)
    return { ok: false, problem: "range" };
  return { ok: true, date };
}

export function inDateRange(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR;
}

export const DATE_MESSAGES: Record<DateProblem, string> = {
  format: "Use a date like 2026-03-31.",
  range: `Use a date between ${MIN_YEAR} and ${MAX_YEAR}.`,
};

/**
 * A date from JSON or a form: an ISO 8601 string (a date input sends `2026-03-31`) or a
 * `Date`. Numbers, booleans and arrays are refused, where `z.coerce.date()` would turn
 * `true` into 1970-01-01T00:00:00.001Z.
 */
export function dateField() {
  return z.union([z.string(), z.date()], { error: DATE_MESSAGES.format }).transform((value, ctx) => {
    if (value instanceof Date) {
      if (inDateRange(value)) return value;
      ctx.addIssue({
        code: "custom",
        message: DATE_MESSAGES[Number.isNaN(value.getTime()) ? "format" : "range"],
      });
      return z.NEVER;
    }
    const parsed = parseIsoDate(value);
    if (parsed.ok) return parsed.date;
    ctx.addIssue({ code: "custom", message: DATE_MESSAGES[parsed.problem] });
    return z.NEVER;
  });
}

/**
 * A calendar day as a form's date input sends it ("2026-03-31"), kept as that string: a due
 * date is a day, not an instant, and turning it into a Date would tie it to a time zone.
 */
export function dayField(label = "Date") {
  return z
    .string({ error: `${label}: ${DATE_MESSAGES.format}` })
    .trim()
    .superRefine((value, ctx) => {
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? parseIsoDate(value)
        : { ok: false as const, problem: "format" as const };
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: `${label}: ${DATE_MESSAGES[parsed.problem]}` });
    });
}
