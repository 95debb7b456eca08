import { and, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { budgetAdjustments, type Slo, sloAlerts } from "@/db/schema/slo";
import { type CountGroup, countsFor, sliceCountsFor, uuidArray } from "./counts";
import { windowOf } from "./definition";
import { type AdjustmentSpec, excludedIntervals } from "./exclusions";
import {
  ALERT_RULES,
  BURN_WINDOWS,
  type BurnWindow,
  budgetRemaining,
  burnRate,
  type Counts,
  EMPTY,
  evaluateRule,
  type RuleVerdict,
  type SloState,
  sli,
  sloState,
  timeToExhaustion,
  type WindowFigures,
} from "./math";
import { subtract, toBuckets } from "./ranges";
import { bucketOf, type Interval, windowAt } from "./windows";

export type StatusRow = Pick<
  Slo,
  | "id"
  | "serviceId"
  | "target"
  | "windowKind"
  | "windowDays"
  | "calendarUnit"
  | "timeZone"
  | "budgeting"
  | "sliceMinutes"
  | "sliceTarget"
  | "minEvents"
>;

export type SloStatus = {
  window: { start: string; end: string; periodEnd: string; lengthDays: number };
  /** Events in the window, excluded buckets left out (under timeslices too). */
  good: number;
  total: number;
  /** Timeslices only: good slices and slices with data in the window. */
  slices: Counts | null;
  /** Σgood / Σtotal over the window (good slices / slices for timeslices); null: no data. */
  sli: number | null;
  budgetRemaining: number | null;
  /** The budget left as minutes of total failure (for information): see equivalentMinutes. */
  budgetMinutesRemaining: number | null;
  burnRates: Record<BurnWindow, number | null> | null;
  timeToExhaustionMs: number | null;
  alerts: RuleVerdict[] | null;
  /** Excluded intervals (adjustments) inside the window, merged. */
  excluded: { start: string; end: string }[];
  state: SloState;
};

const iso = (t: number) => new Date(t).toISOString();
const BURN_KEYS = Object.keys(BURN_WINDOWS) as BurnWindow[];
const LONGEST_BURN = Math.max(...Object.values(BURN_WINDOWS));

/**
 * Status of SLOs at `now`, computed from the stored counts (docs/slo-math.md). `full` adds
 * the burn rates over 5m–3d, the alert verdicts and the budget in minutes; without it (lists
 * and the scorecard grid) the state's "burning fast" half comes from the open alerts, which
 * are evaluated from the same counts after each ingestion and on a schedule.
 */
export async function statusOf(
  db: Queryable,
  rows: readonly StatusRow[],
  { now = Date.now(), full = false }: { now?: number; full?: boolean } = {},
): Promise<Map<string, SloStatus>> {
  const out = new Map<string, SloStatus>();
  if (!rows.length) return out;
  const exclusions = await exclusionsFor(db, rows, now);
  // Burn-rate windows end with the last finished bucket: the one in progress holds little or
  // nothing yet, and a 5-minute window of it would read as no traffic (docs/slo-math.md).
  const end = bucketOf(now);

  type Plan = {
    row: StatusRow;
    window: ReturnType<typeof windowAt>;
    excluded: Interval[];
    keys: Record<string, string>;
  };
  const plans: Plan[] = [];
  const groups = new Map<string, CountGroup & { slices?: { sliceMinutes: number; sliceTarget: number } }>();
  const join = (row: StatusRow, label: string, interval: Interval, excluded: Interval[]): string => {
    const intervals = subtract(interval, excluded);
    const slices =
      row.budgeting === "timeslices"
        ? { sliceMinutes: row.sliceMinutes ?? 5, sliceTarget: row.sliceTarget ?? 0.95 }
        : undefined;
    const key = `${label}:${slices ? `${slices.sliceMinutes}/${slices.sliceTarget}` : "o"}:${intervals.map((i) => `${i.start}-${i.end}`).join(",")}`;
    let group = groups.get(key);
    if (!group) {
      group = { key: String(groups.size), sloIds: [], intervals, slices };
      groups.set(key, group);
    }
    (group.sloIds as string[]).push(row.id);
    return group.key;
  };

  for (const row of rows) {
    const window = windowAt(windowOf(row), now);
    const excluded = (exclusions.get(row.id) ?? []).map(toBuckets);
    const keys: Record<string, string> = { window: join(row, "w", window, excluded) };
    if (full)
      for (const w of BURN_KEYS) keys[w] = join(row, w, { start: end - BURN_WINDOWS[w], end }, excluded);
    plans.push({ row, window, excluded, keys });
  }

  const all = [...groups.values()];
  const sliced = all.filter((g) => g.slices);
  // Events for every group (the counts, the min-event guard and equivalent minutes), and
  // slice counts for timeslice SLOs (their SLI and burn rates).
  const [events, slices, open] = await Promise.all([
    countsFor(db, all),
    sliceCountsFor(
      db,
      sliced.map((g) => ({ ...g, sliceMinutes: g.slices!.sliceMinutes, sliceTarget: g.slices!.sliceTarget })),
    ),
    full
      ? Promise.resolve(new Set<string>())
      : openAlertSlos(
          db,
          rows.map((r) => r.id),
        ),
  ]);
  const eventsOf = (key: string, id: string): Counts => events.get(`${key}|${id}`) ?? EMPTY;
  const slicesOf = (key: string, id: string): Counts => slices.get(`${key}|${id}`) ?? EMPTY;

  for (const { row, window, excluded, keys } of plans) {
    const timeslices = row.budgeting === "timeslices";
    const sliOf = (key: string) => sli(timeslices ? slicesOf(key, row.id) : eventsOf(key, row.id));
    const c = eventsOf(keys.window, row.id);
    const windowSlices = timeslices ? slicesOf(keys.window, row.id) : null;
    const value = sliOf(keys.window);
    const remaining = budgetRemaining(value, row.target);
    let burnRates: SloStatus["burnRates"] = null;
    let alerts: RuleVerdict[] | null = null;
    let minutes: number | null = null;
    let exhaustion: number | null = null;
    let firing = open.has(row.id);
    if (full) {
      const figures = {} as Record<BurnWindow, WindowFigures>;
      // The min-event guard counts events, whichever the budgeting method.
      for (const w of BURN_KEYS)
        figures[w] = { ...eventsOf(keys[w], row.id), burnRate: burnRate(sliOf(keys[w]), row.target) };
      burnRates = Object.fromEntries(
        BURN_KEYS.map((w) => [w, figures[w].burnRate]),
      ) as SloStatus["burnRates"];
      alerts = ALERT_RULES.map((rule) => evaluateRule(rule, window.length, figures, row.minEvents));
      firing = alerts.some((a) => a.firing);
      exhaustion = timeToExhaustion(remaining, window.length, figures["1h"].burnRate);
      minutes = equivalentMinutes(row, remaining, c, windowSlices, figures["1h"].total);
    }
    out.set(row.id, {
      window: {
        start: iso(window.start),
        end: iso(window.end),
        periodEnd: iso(window.periodEnd),
        lengthDays: window.length / 86_400_000,
      },
      good: c.good,
      total: c.total,
      slices: windowSlices,
      sli: value,
      budgetRemaining: remaining,
      budgetMinutesRemaining: minutes,
      burnRates,
      timeToExhaustionMs: exhaustion,
      alerts,
      excluded: excluded
        .filter((i) => i.end > window.start && i.start < window.end)
        .map((i) => ({ start: iso(i.start), end: iso(i.end) })),
      state: sloState(remaining, firing),
    });
  }
  return out;
}

/**
 * Excluded intervals per SLO (its own adjustments and its service's), merged, over `span`
 * or else the longest span a status reads (its window, or three days for the burn rates).
 */
export async function exclusionsFor(
  db: Queryable,
  rows: readonly StatusRow[],
  now: number,
  span?: Interval,
): Promise<Map<string, Interval[]>> {
  const ids = rows.map((r) => r.id);
  const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
  const found = await db
    .select()
    .from(budgetAdjustments)
    .where(
      or(
        sql`${budgetAdjustments.sloId} = any(${uuidArray(ids)}::uuid[])`,
        sql`${budgetAdjustments.serviceId} = any(${uuidArray(serviceIds)}::uuid[])`,
      ),
    );
  const out = new Map<string, Interval[]>();
  if (!found.length) return out;
  for (const row of rows) {
    const specs: AdjustmentSpec[] = found
      .filter((a) => a.sloId === row.id || a.serviceId === row.serviceId)
      .map((a) => ({ startsAt: a.startsAt.getTime(), durationMinutes: a.durationMinutes, rrule: a.rrule }));
    if (!specs.length) continue;
    const window = windowAt(windowOf(row), now);
    const reach = span ?? { start: Math.min(window.start, window.end - LONGEST_BURN), end: window.end };
    out.set(row.id, excludedIntervals(specs, reach));
  }
  return out;
}

async function openAlertSlos(db: Queryable, ids: string[]): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ sloId: sloAlerts.sloId })
    .from(sloAlerts)
    .where(and(sql`${sloAlerts.sloId} = any(${uuidArray(ids)}::uuid[])`, isNull(sloAlerts.resolvedAt)));
  return new Set(rows.map((r) => r.sloId));
}

/**
 * Minutes of total failure the budget still allows, never below 0. Occurrences: the bad
 * events still allowed (remaining × (1 − target) × window events) ÷ the last hour's events
 * per minute; null without traffic in the last hour. Timeslices: total failure spoils every
 * slice it touches, so remaining × (1 − target) × slices with data × slice minutes.
 */
function equivalentMinutes(
  row: StatusRow,
  remaining: number | null,
  events: Counts,
  slices: Counts | null,
  lastHourEvents: number,
): number | null {
  if (remaining === null) return null;
  if (row.budgeting === "timeslices" && slices)
    return Math.max(0, remaining * (1 - row.target) * slices.total * (row.sliceMinutes ?? 5));
  if (lastHourEvents <= 0) return null;
  return Math.max(0, (remaining * (1 - row.target) * events.total) / (lastHourEvents / 60));
}
