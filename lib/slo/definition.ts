import type { Slo } from "@/db/schema/slo";
import type { SloDefinition } from "./schemas";
import type { WindowSpec } from "./windows";

/** The definition an SLO row holds, in the shape the API answers and versions snapshot. */
export function definitionOf(row: Slo): SloDefinition {
  return {
    name: row.name,
    description: row.description,
    sliKind: row.sliKind,
    latencyThresholdMs: row.latencyThresholdMs,
    target: row.target,
    window: windowOf(row) as SloDefinition["window"],
    budgeting:
      row.budgeting === "timeslices"
        ? {
            method: "timeslices",
            sliceMinutes: (row.sliceMinutes ?? 5) as 5,
            sliceTarget: row.sliceTarget ?? 0.95,
          }
        : { method: "occurrences" },
    minEvents: row.minEvents,
  };
}

export function windowOf(
  row: Pick<Slo, "windowKind" | "windowDays" | "calendarUnit" | "timeZone">,
): WindowSpec {
  return row.windowKind === "calendar"
    ? { type: "calendar", unit: row.calendarUnit ?? "month", timeZone: row.timeZone }
    : { type: "rolling", days: row.windowDays ?? 30 };
}

/** The row columns a definition sets. */
export function columnsOf(d: SloDefinition) {
  return {
    name: d.name,
    description: d.description,
    sliKind: d.sliKind,
    latencyThresholdMs: d.sliKind === "latency" ? d.latencyThresholdMs : null,
    target: d.target,
    windowKind: d.window.type,
    windowDays: d.window.type === "rolling" ? d.window.days : null,
    calendarUnit: d.window.type === "calendar" ? d.window.unit : null,
    timeZone: d.window.type === "calendar" ? d.window.timeZone : "UTC",
    budgeting: d.budgeting.method,
    sliceMinutes: d.budgeting.method === "timeslices" ? d.budgeting.sliceMinutes : null,
    sliceTarget: d.budgeting.method === "timeslices" ? d.budgeting.sliceTarget : null,
    minEvents: d.minEvents,
  };
}

/** Which top-level fields differ between two definitions, by name (for the version history). */
export function changedFields(before: SloDefinition, after: SloDefinition): string[] {
  return (Object.keys(after) as (keyof SloDefinition)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

/** "30-day rolling", "Calendar month (Europe/Berlin)". */
export function windowLabel(w: WindowSpec): string {
  if (w.type === "rolling") return `${w.days}-day rolling`;
  return `Calendar ${w.unit}${w.timeZone === "UTC" ? " (UTC)" : ` (${w.timeZone})`}`;
}

/** "99.9 %": as many decimals as the target has, up to four. */
export function percent(fraction: number, digits?: number): string {
  const value = fraction * 100;
  const d = digits ?? Math.min(4, Math.max(0, decimals(value)));
  return `${value.toFixed(d)} %`;
}

function decimals(v: number): number {
  const s = String(Math.round(v * 10_000) / 10_000);
  const dot = s.indexOf(".");
  return dot === -1 ? 0 : s.length - dot - 1;
}
