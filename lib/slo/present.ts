import type { SloState } from "./math";

/** The one palette for SLO states, used by badges, the scorecard grid and every chart. */
export const STATE_LABELS: Record<SloState, string> = {
  healthy: "Healthy",
  at_risk: "At risk",
  breaching: "Breaching",
  no_data: "No data",
};

/** CSS custom properties of app/globals.css (light and dark), for charts that need a colour value. */
export const STATE_COLORS: Record<SloState, string> = {
  healthy: "var(--healthy)",
  at_risk: "var(--at-risk)",
  breaching: "var(--breaching)",
  no_data: "var(--no-data)",
};

export const RULE_LABELS: Record<string, string> = {
  page_fast: "Fast burn (page)",
  page_slow: "Slow burn (page)",
  ticket: "Steady burn (ticket)",
};

/** "99.95 %", or an en dash for no data. */
export function pct(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return `${(v * 100).toFixed(digits)} %`;
}

/** A burn rate: "14.4×", "0.02×", or an en dash for no data. */
export function times(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return `${v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3)}×`;
}

/** A duration in words: "3 d 4 h", "42 min". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "–";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
