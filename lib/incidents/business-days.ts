/*
 * Postmortem deadlines are counted in working days, in UTC: Pharos stores UTC and has no
 * per-team working calendar, so a weekend is Saturday and Sunday everywhere and public
 * holidays are not skipped. A day is handled as "YYYY-MM-DD", the way a `date` column holds it.
 */

const DAY_MS = 86_400_000;

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/**
 * The UTC day `n` working days (Mon–Fri) after `date`'s day: Friday + 1 is Monday, and a
 * Saturday + 1 is Monday too. The day of `date` itself never counts, so the result is always
 * at least `n` calendar days later and always a weekday (for n ≥ 1).
 */
export function businessDaysAfter(date: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`business days must be a whole number ≥ 0, not ${n}`);
  let day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  let left = n;
  while (left > 0) {
    day += DAY_MS;
    if (!isWeekend(new Date(day))) left -= 1;
  }
  return new Date(day);
}

/** "YYYY-MM-DD" of a time's UTC day. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Today's UTC day: what "overdue" compares a due date with. */
export const today = (now = new Date()): string => isoDay(now);

/** Whether a due day has passed: due yesterday (UTC) or earlier. */
export const isPastDue = (dueOn: string | null, now = new Date()): boolean =>
  dueOn !== null && dueOn < today(now);
