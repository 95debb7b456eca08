import type { SloDefinition } from "./schemas";

type Fields = Record<string, string | string[]>;

const text = (f: Fields, k: string) => {
  const v = f[k];
  return typeof v === "string" ? v.trim() : undefined;
};

/** "99.9" → 0.999 exactly (a percentage typed in a form), or the text as it was, for the schema to name. */
export function fractionOf(percentText: string | undefined): number | string | undefined {
  if (percentText === undefined || percentText === "") return undefined;
  const cleaned = percentText.replace(/\s*%$/, "");
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(cleaned)) return percentText;
  return Math.round(Number(cleaned) * 1e6) / 1e8;
}

const numberOf = (v: string | undefined) =>
  v === undefined || v === "" ? undefined : /^\d+$/.test(v) ? Number(v) : v;

/**
 * The SLO form's flat fields (percentages, a window type with its parts) as the command's
 * input. Unparseable values are passed on as typed, so the schema's message names them.
 */
export function sloFormInput(f: Fields, mode: "create" | "patch"): Record<string, unknown> {
  const windowType = text(f, "windowType");
  const window =
    windowType === "calendar"
      ? { type: "calendar", unit: text(f, "calendarUnit"), timeZone: text(f, "timeZone") || "UTC" }
      : windowType === "rolling"
        ? { type: "rolling", days: numberOf(text(f, "windowDays")) }
        : undefined;
  const method = text(f, "budgeting");
  const budgeting =
    method === "timeslices"
      ? {
          method,
          sliceMinutes: numberOf(text(f, "sliceMinutes")),
          sliceTarget: fractionOf(text(f, "sliceTargetPercent")),
        }
      : method === "occurrences"
        ? { method }
        : undefined;
  const sliKind = text(f, "sliKind");
  const threshold = text(f, "latencyThresholdMs");
  const input: Record<string, unknown> = {
    name: text(f, "name"),
    description: text(f, "description") ?? "",
    sliKind,
    latencyThresholdMs: sliKind === "latency" ? numberOf(threshold) : mode === "patch" ? null : undefined,
    target: fractionOf(text(f, "targetPercent")),
    window,
    budgeting,
    minEvents: numberOf(text(f, "minEvents")),
  };
  if (mode === "create") input.service = text(f, "service");
  else input.id = text(f, "id");
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/** Form field ← the schema path its error comes back under. */
export const FIELD_OF_ERROR: Record<string, string> = {
  target: "targetPercent",
  "window.days": "windowDays",
  "window.unit": "calendarUnit",
  "window.timeZone": "timeZone",
  window: "windowType",
  "budgeting.sliceMinutes": "sliceMinutes",
  "budgeting.sliceTarget": "sliceTargetPercent",
  budgeting: "budgeting",
};

/** A definition as the form's initial values. */
export function formValuesOf(d: SloDefinition): Record<string, string> {
  return {
    name: d.name,
    description: d.description,
    sliKind: d.sliKind,
    latencyThresholdMs: d.latencyThresholdMs ? String(d.latencyThresholdMs) : "",
    targetPercent: String(Math.round(d.target * 1e8) / 1e6),
    windowType: d.window.type,
    windowDays: d.window.type === "rolling" ? String(d.window.days) : "30",
    calendarUnit: d.window.type === "calendar" ? d.window.unit : "month",
    timeZone: d.window.type === "calendar" ? d.window.timeZone : "UTC",
    budgeting: d.budgeting.method,
    sliceMinutes: d.budgeting.method === "timeslices" ? String(d.budgeting.sliceMinutes) : "5",
    sliceTargetPercent:
      d.budgeting.method === "timeslices" ? String(Math.round(d.budgeting.sliceTarget * 1e8) / 1e6) : "95",
    minEvents: String(d.minEvents),
  };
}
