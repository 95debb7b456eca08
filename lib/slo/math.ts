/**
 * The reliability math of DESIGN.md, exactly, as pure functions over counts. Nothing here
 * averages ratios: every SLI is Σgood / Σtotal over the buckets it covers.
 */

export type Counts = { good: number; total: number };

export const EMPTY: Counts = { good: 0, total: 0 };

export const add = (a: Counts, b: Counts): Counts => ({ good: a.good + b.good, total: a.total + b.total });

/** Σgood / Σtotal, or null when there was no traffic: no data is never 100 %. */
export function sli(c: Counts): number | null {
  return c.total > 0 ? c.good / c.total : null;
}

/** 1 − (1 − SLI) / (1 − target): 1 untouched, 0 spent, negative overspent. */
export function budgetRemaining(sliValue: number | null, target: number): number | null {
  if (sliValue === null) return null;
  return 1 - (1 - sliValue) / (1 - target);
}

/** (1 − SLI(W)) / (1 − target): 1 spends the budget exactly over the window. */
export function burnRate(sliValue: number | null, target: number): number | null {
  if (sliValue === null) return null;
  return (1 - sliValue) / (1 - target);
}

/**
 * Remaining budget × window / current burn rate, in ms. 0 when the budget is already gone
 * (whether or not anything is burning now); null when there is no data or, with budget
 * left, nothing is burning (no traffic or no errors in the current window).
 */
export function timeToExhaustion(
  remaining: number | null,
  windowMs: number,
  burn: number | null,
): number | null {
  if (remaining === null) return null;
  if (remaining <= 0) return 0;
  if (burn === null || burn <= 0) return null;
  return (remaining * windowMs) / burn;
}

/** Timeslices: a slice is good when its ratio ≥ the slice target; slices without traffic do not count. */
export function sliceCounts(slices: readonly Counts[], sliceTarget: number): Counts {
  let good = 0;
  let total = 0;
  for (const s of slices) {
    if (s.total <= 0) continue;
    total += 1;
    if (s.good / s.total >= sliceTarget) good += 1;
  }
  return { good, total };
}

export type BurnWindow = "5m" | "30m" | "1h" | "6h" | "1d" | "3d";
export const BURN_WINDOWS: Record<BurnWindow, number> = {
  "5m": 5 * 60_000,
  "30m": 30 * 60_000,
  "1h": 60 * 60_000,
  "6h": 6 * 60 * 60_000,
  "1d": 24 * 60 * 60_000,
  "3d": 72 * 60 * 60_000,
};

export type AlertRule = {
  id: "page_fast" | "page_slow" | "ticket";
  severity: "page" | "ticket";
  long: BurnWindow;
  short: BurnWindow;
  /** The share of the whole budget this rule lets burn in its long window before it fires. */
  budgetFraction: number;
};

/**
 * Google's multiwindow, multi-burn-rate rules for a 30-day window: 2 % of the budget in an
 * hour (14.4×), 5 % in six hours (6×), 10 % in three days (1×). Each needs both windows.
 */
export const ALERT_RULES: readonly AlertRule[] = [
  { id: "page_fast", severity: "page", long: "1h", short: "5m", budgetFraction: 0.02 },
  { id: "page_slow", severity: "page", long: "6h", short: "30m", budgetFraction: 0.05 },
  { id: "ticket", severity: "ticket", long: "3d", short: "6h", budgetFraction: 0.1 },
];

/** threshold = budget fraction × window / long window (14.4, 6 and 1 for 30 days). */
export function alertThreshold(rule: AlertRule, windowMs: number): number {
  return (rule.budgetFraction * windowMs) / BURN_WINDOWS[rule.long];
}

export type WindowFigures = Counts & { burnRate: number | null };

export type RuleVerdict = {
  rule: AlertRule["id"];
  severity: AlertRule["severity"];
  firing: boolean;
  threshold: number;
  long: { window: BurnWindow; burnRate: number | null; total: number };
  short: { window: BurnWindow; burnRate: number | null; total: number };
  /** Set when a window held fewer events than the SLO's minimum: it cannot fire. */
  guarded: boolean;
};

/**
 * A rule fires exactly when both of its windows burn faster than the threshold, and each
 * holds at least `minEvents` events (so a near-empty window never pages).
 */
export function evaluateRule(
  rule: AlertRule,
  windowMs: number,
  figures: Record<BurnWindow, WindowFigures>,
  minEvents: number,
): RuleVerdict {
  const threshold = alertThreshold(rule, windowMs);
  const long = figures[rule.long];
  const short = figures[rule.short];
  const guarded = long.total < minEvents || short.total < minEvents;
  const over = (b: number | null) => b !== null && b > threshold;
  return {
    rule: rule.id,
    severity: rule.severity,
    firing: !guarded && over(long.burnRate) && over(short.burnRate),
    threshold,
    long: { window: rule.long, burnRate: long.burnRate, total: long.total },
    short: { window: rule.short, burnRate: short.burnRate, total: short.total },
    guarded,
  };
}

export const SLO_STATES = ["healthy", "at_risk", "breaching", "no_data"] as const;
export type SloState = (typeof SLO_STATES)[number];

/** Below this share of budget left, an SLO is at risk even when nothing is burning fast. */
export const AT_RISK_REMAINING = 0.25;

/**
 * no data without traffic in the window; breaching once the budget is spent (≤ 0);
 * at risk with less than a quarter left or while a burn-rate rule fires; healthy otherwise.
 */
export function sloState(remaining: number | null, anyRuleFiring: boolean): SloState {
  if (remaining === null) return "no_data";
  if (remaining <= 0) return "breaching";
  if (remaining < AT_RISK_REMAINING || anyRuleFiring) return "at_risk";
  return "healthy";
}
