import type { z } from "zod";
import { ROLLING_DAYS } from "@/db/schema/slo";
import { SLICE_MINUTES, type windowSchema } from "../schemas";
import { isTimeZone } from "../time-zone";

type Window = z.output<typeof windowSchema>;
type Problems = { errors: string[]; warnings: string[] };

/** OpenSLO's duration-shorthand: a positive whole number and one case-sensitive unit. */
const SHORTHAND = /^([1-9]\d{0,5})([mhdwMQY])$/;

export function parseShorthand(value: unknown): { n: number; unit: string } | null {
  if (typeof value !== "string") return null;
  const m = SHORTHAND.exec(value.trim());
  return m ? { n: Number(m[1]), unit: m[2] } : null;
}

const NOT_A_WINDOW = "is not a Pharos window (7d, 28d, 30d, 90d, or a calendar week/month/quarter)";
const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** A rolling duration in days when it is one Pharos has: 7d, 28d, 30d, 90d, or 1w and 4w. */
function rollingDays(value: unknown): number | null {
  const d = parseShorthand(value);
  if (!d) return null;
  const days = d.unit === "d" ? d.n : d.unit === "w" ? d.n * 7 : null;
  return days !== null && (ROLLING_DAYS as readonly number[]).includes(days) ? days : null;
}

function calendarUnit(value: unknown): "week" | "month" | "quarter" | null {
  const d = parseShorthand(value);
  if (!d) return null;
  if ((d.unit === "w" && d.n === 1) || (d.unit === "d" && d.n === 7)) return "week";
  if (d.unit === "M" && d.n === 1) return "month";
  if ((d.unit === "Q" && d.n === 1) || (d.unit === "M" && d.n === 3)) return "quarter";
  return null;
}

const START = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Pharos calendar windows start at local midnight on a Monday, the 1st of a month or of a
 * quarter. A `startTime` elsewhere cannot be honoured: the window keeps Pharos's alignment
 * and the report says so.
 */
function checkStart(
  start: unknown,
  unit: "week" | "month" | "quarter",
  zone: string,
  path: string,
  out: Problems,
) {
  if (start === undefined) return;
  const m = typeof start === "string" ? START.exec(start.trim()) : null;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m ? m.slice(1) : [];
  const date = m ? new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))) : null;
  if (!m || !date || date.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    out.errors.push(`${path}: ${show(start)} is not a date and time such as 2024-01-01 00:00:00`);
    return;
  }
  const midnight = Number(h) === 0 && Number(mi) === 0 && Number(s) === 0;
  const aligned =
    midnight &&
    (unit === "week"
      ? date.getUTCDay() === 1
      : Number(d) === 1 && (unit === "month" || (Number(mo) - 1) % 3 === 0));
  if (!aligned) {
    const from = { week: "each Monday", month: "the 1st of each month", quarter: "the 1st of each quarter" }[
      unit
    ];
    out.warnings.push(
      `${path}: Pharos calendar ${unit}s start at 00:00 on ${from} in ${zone}, not at ${start}; the window keeps the Pharos alignment`,
    );
  }
}

/** `spec.timeWindow` (exactly one item) as a Pharos window, or null with the problems named. */
export function readTimeWindow(value: unknown, path: string, out: Problems): Window | null {
  if (value === undefined) {
    out.errors.push(
      `${path}: missing; Pharos needs the window the objective is judged over (e.g. 30d rolling)`,
    );
    return null;
  }
  if (!Array.isArray(value) || value.length !== 1) {
    const n = Array.isArray(value) ? `has ${value.length} windows` : "is not a list";
    out.errors.push(
      `${path}: ${n}; OpenSLO and Pharos take exactly one (split the SLO into several documents)`,
    );
    return null;
  }
  const w = value[0] as Record<string, unknown>;
  const at = `${path}[0]`;
  if (!w || typeof w !== "object") {
    out.errors.push(`${at}: is not a mapping with duration and isRolling or calendar`);
    return null;
  }
  const calendar = w.calendar as Record<string, unknown> | undefined;
  const rolling = w.isRolling === undefined ? !calendar : w.isRolling;
  if (typeof rolling !== "boolean") {
    out.errors.push(`${at}.isRolling: is true or false`);
    return null;
  }
  if (rolling) {
    if (calendar) out.warnings.push(`${at}.calendar: ignored, since isRolling is true`);
    const days = rollingDays(w.duration);
    if (days === null) {
      out.errors.push(`${at}.duration: ${show(w.duration)} ${NOT_A_WINDOW}`);
      return null;
    }
    return { type: "rolling", days } as Window;
  }
  const unit = calendarUnit(w.duration);
  if (unit === null) out.errors.push(`${at}.duration: ${show(w.duration)} ${NOT_A_WINDOW}`);
  let zone = "UTC";
  if (!calendar || typeof calendar !== "object") {
    out.errors.push(`${at}.calendar: a calendar window (isRolling: false) needs calendar.timeZone`);
    return null;
  }
  if (calendar.timeZone === undefined) out.warnings.push(`${at}.calendar.timeZone: missing; UTC is used`);
  else if (typeof calendar.timeZone === "string" && isTimeZone(calendar.timeZone.trim()))
    zone = calendar.timeZone.trim();
  else {
    out.errors.push(
      `${at}.calendar.timeZone: ${show(calendar.timeZone)} is not an IANA time zone such as Europe/Berlin`,
    );
    return null;
  }
  if (unit === null) return null;
  checkStart(calendar.startTime, unit, zone, `${at}.calendar.startTime`, out);
  return { type: "calendar", unit, timeZone: zone };
}

type SliceMinutes = (typeof SLICE_MINUTES)[number];

/**
 * `timeSliceWindow` in minutes: a bare number is minutes (as the spec says), a shorthand is
 * minutes or hours. Only lengths that tile an hour are Pharos slices.
 */
export function readSliceWindow(value: unknown, path: string, out: Problems): SliceMinutes | null {
  if (value === undefined) {
    out.errors.push(`${path}: missing; Timeslices budgeting needs the slice length, e.g. 5m`);
    return null;
  }
  const d = typeof value === "number" ? { n: value, unit: "m" } : parseShorthand(value);
  const minutes = d ? (d.unit === "m" ? d.n : d.unit === "h" ? d.n * 60 : null) : null;
  if (minutes === null || !(SLICE_MINUTES as readonly number[]).includes(minutes)) {
    out.errors.push(
      `${path}: ${show(value)} is not a Pharos slice (${SLICE_MINUTES.join(", ")} minutes, e.g. 5m or 1h)`,
    );
    return null;
  }
  return minutes as SliceMinutes;
}
