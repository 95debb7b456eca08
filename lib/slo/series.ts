import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { type Slo, slos } from "@/db/schema/slo";
import { type CountGroup, countsFor, sliceCountsFor } from "./counts";
import { windowOf } from "./definition";
import { ALERT_RULES, add, alertThreshold, budgetRemaining, burnRate, type Counts, EMPTY, sli } from "./math";
import { clip, subtract, toBuckets } from "./ranges";
import { exclusionsFor } from "./status";
import { DAY_MS, HOUR_MS, type Interval, windowAt } from "./windows";

export type SloSeries = {
  target: number;
  days: { day: string; sli: number | null; windowSli: number | null; budgetRemaining: number | null }[];
  hours: { hour: string; burn1h: number | null; burn6h: number | null }[];
  thresholds: Record<(typeof ALERT_RULES)[number]["id"], number>;
  excluded: { start: string; end: string }[];
};

const iso = (t: number) => new Date(t).toISOString();
const HOURS_SHOWN = 72;

/**
 * Counts per period (days or hours), with the SLO's exclusions taken out. Occurrence SLOs
 * with nothing excluded read the rollup table grouped in one pass; otherwise each period
 * is its own group of the shared counting statement.
 */
async function countsPer(
  db: Queryable,
  slo: Slo,
  periods: Interval[],
  excluded: Interval[],
  grain: "day" | "hour",
): Promise<Counts[]> {
  if (!periods.length) return [];
  const span = { start: periods[0].start, end: periods.at(-1)!.end };
  // The rollups hold whole UTC days and hours: a period that starts elsewhere (a calendar
  // window's first day outside UTC) is counted from its own buckets.
  const aligned = periods.every((p) => p.start % (grain === "day" ? DAY_MS : HOUR_MS) === 0);
  if (slo.budgeting === "occurrences" && aligned && !clip(excluded, span).length) {
    const table = grain === "day" ? sql`sli_daily` : sql`sli_hourly`;
    const column = grain === "day" ? sql`day_start` : sql`hour_start`;
    const result = await db.execute(sql`
      select extract(epoch from ${column}) * 1000 as at, good::float8 as good, total::float8 as total
      from ${table} where slo_id = ${slo.id}::uuid and ${column} >= ${iso(span.start)}::timestamptz
        and ${column} < ${iso(span.end)}::timestamptz`);
    const byStart = new Map(
      rowsOf<{ at: number; good: number; total: number }>(result).map((r) => [
        Number(r.at),
        { good: Number(r.good), total: Number(r.total) },
      ]),
    );
    return periods.map((p) => byStart.get(p.start) ?? EMPTY);
  }
  const groups: CountGroup[] = periods.map((p, i) => ({
    key: String(i),
    sloIds: [slo.id],
    intervals: subtract(p, excluded),
  }));
  const counts =
    slo.budgeting === "timeslices"
      ? await sliceCountsFor(
          db,
          groups.map((g) => ({
            ...g,
            sliceMinutes: slo.sliceMinutes ?? 5,
            sliceTarget: slo.sliceTarget ?? 0.95,
          })),
        )
      : await countsFor(db, groups);
  return periods.map((_, i) => counts.get(`${i}|${slo.id}`) ?? EMPTY);
}

const periodsOf = (start: number, end: number, step: number): Interval[] => {
  const out: Interval[] = [];
  for (let t = Math.floor(start / step) * step; t < end; t += step) out.push({ start: t, end: t + step });
  return out;
};

/**
 * The SLO page's charts: for each UTC day of the window, that day's SLI and the window's
 * SLI and budget remaining as they stood at the day's end (a rolling window ending then;
 * a calendar window from its start); hourly 1h and 6h burn rates over the last three days
 * with the alert thresholds; and the excluded intervals to shade.
 */
export async function sloSeries(db: Queryable, id: string, now = Date.now()): Promise<SloSeries | null> {
  const [slo] = await db.select().from(slos).where(eq(slos.id, id));
  if (!slo) return null;
  const spec = windowOf(slo);
  const window = windowAt(spec, now);
  const lookBack = spec.type === "rolling" ? window.length : 0;
  const firstDay = Math.floor(window.start / DAY_MS) * DAY_MS;
  const span = { start: firstDay - lookBack, end: window.end };
  const excluded = ((await exclusionsFor(db, [slo], now, span)).get(slo.id) ?? []).map(toBuckets);

  // Daily counts from a window's length before the first day shown, so each day's rolling
  // figure sums a whole window. Timeslices sum slice counts, which add the same way.
  const dayPeriods = periodsOf(span.start, window.end, DAY_MS);
  // A calendar window starts at local midnight: its first day counts from there, not from the
  // UTC midnight before it (which belongs to the previous period).
  if (spec.type === "calendar" && dayPeriods.length)
    dayPeriods[0] = { ...dayPeriods[0], start: window.start };
  const dayCounts = await countsPer(db, slo, dayPeriods, excluded, "day");
  const days: SloSeries["days"] = [];
  const windowDays = Math.round(lookBack / DAY_MS);
  let running: Counts = EMPTY;
  dayPeriods.forEach((period, i) => {
    running = add(running, dayCounts[i]);
    if (spec.type === "rolling" && i >= windowDays) {
      const dropped = dayCounts[i - windowDays];
      running = { good: running.good - dropped.good, total: running.total - dropped.total };
    }
    if (period.end <= firstDay) return;
    const windowSli = sli(running);
    days.push({
      day: iso(Math.max(period.start, firstDay)),
      sli: sli(dayCounts[i]),
      windowSli,
      budgetRemaining: budgetRemaining(windowSli, slo.target),
    });
  });

  const hourEnd = Math.ceil(window.end / HOUR_MS) * HOUR_MS;
  const hourPeriods = periodsOf(hourEnd - (HOURS_SHOWN + 5) * HOUR_MS, hourEnd, HOUR_MS);
  const hourCounts = await countsPer(db, slo, hourPeriods, excluded, "hour");
  const hours: SloSeries["hours"] = [];
  hourPeriods.forEach((period, i) => {
    if (i < 5) return;
    let six = EMPTY;
    for (let j = i - 5; j <= i; j++) six = add(six, hourCounts[j]);
    hours.push({
      hour: iso(period.start),
      burn1h: burnRate(sli(hourCounts[i]), slo.target),
      burn6h: burnRate(sli(six), slo.target),
    });
  });

  return {
    target: slo.target,
    days,
    hours,
    thresholds: Object.fromEntries(
      ALERT_RULES.map((r) => [r.id, alertThreshold(r, window.length)]),
    ) as SloSeries["thresholds"],
    excluded: clip(excluded, { start: firstDay, end: window.end }).map((i) => ({
      start: iso(i.start),
      end: iso(i.end),
    })),
  };
}
