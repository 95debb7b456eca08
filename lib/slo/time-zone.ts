/**
 * Wall-clock arithmetic in a named IANA zone with nothing but Intl: the offset of a zone at
 * an instant, and the instant a local date-time names. Calendar SLO windows start at local
 * midnight, which moves against UTC across daylight-saving changes.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is a time zone this runtime knows (IANA names and their aliases, and UTC). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

/** The wall-clock date and time in `zone` at `instant` (month 1–12). */
export function localParts(instant: number, zone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** Minutes `zone` is ahead of UTC at `instant`. */
export function offsetMinutes(instant: number, zone: string): number {
  const p = localParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The wall clock in `zone` at `instant`, read as if it were UTC (whole minutes). */
function wallClock(instant: number, zone: string): number {
  return Math.floor(instant / 60_000) * 60_000 + offsetMinutes(instant, zone) * 60_000;
}

/** Further than any zone's offset from UTC (−12 h to +14 h), so every candidate lies inside. */
const REACH_MS = 18 * 60 * 60_000;

/**
 * The first instant at which the wall clock in `zone` shows the given local time or later:
 * - an ordinary local time names one instant;
 * - one repeated by a fall-back change resolves to its first occurrence (Berlin's 02:00 on
 *   2026-10-25 is 00:00Z, in summer time, not 01:00Z);
 * - one skipped by a spring-forward change resolves to the instant of the change, when the
 *   clock jumps past it (Berlin's 02:00 on 2026-03-29 is 01:00Z, which reads 03:00).
 * So local midnight is always the first instant of that local day.
 *
 * It assumes at most one offset change within 18 hours of the wall time. Every midnight from
 * 2000 to 2030 in every zone this runtime knows was checked to be its day's first instant; the
 * exceptions are days that never happened (Pacific/Apia and Pacific/Fakaofo skipped 2011-12-30),
 * which resolve to the first instant of the next day.
 */
export function zonedInstant(year: number, month: number, day: number, zone: string, hour = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  const before = offsetMinutes(wall - REACH_MS, zone) * 60_000;
  const after = offsetMinutes(wall + REACH_MS, zone) * 60_000;
  // The instant is `wall − offset` for the offset in force then: one of these two.
  const exact = [wall - before, wall - after].filter((t) => wallClock(t, zone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  // A gap: the change happens in (wall − after, wall − before]; find its first minute.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetMinutes(mid, zone) * 60_000 === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
