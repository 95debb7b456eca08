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

/**
 * The instant at which the wall clock in `zone` shows the given local time. A local time
 * skipped by a spring-forward change resolves to the instant the clock jumps past it, and
 * one repeated by a fall-back change to its first occurrence; local midnight, which calendar
 * windows use, is either unambiguous or (in a few zones) the first instant of the day.
 */
export function zonedInstant(year: number, month: number, day: number, zone: string, hour = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  // Two passes settle the offset: the first guess uses the offset at the wall time read as UTC.
  let guess = wall - offsetMinutes(wall, zone) * 60_000;
  const second = wall - offsetMinutes(guess, zone) * 60_000;
  if (second !== guess) {
    // Either a gap (no instant shows this time) or an overlap: take the earlier valid one.
    const earlier = Math.min(guess, second);
    const later = Math.max(guess, second);
    guess = sameWall(earlier, wall, zone) ? earlier : sameWall(later, wall, zone) ? later : later;
  }
  return guess;
}

function sameWall(instant: number, wall: number, zone: string): boolean {
  return instant + offsetMinutes(instant, zone) * 60_000 === wall;
}
