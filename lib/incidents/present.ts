import type { IncidentRole, IncidentStatus, Severity } from "@/db/schema/incidents";

/** How severities read in the UI; the short code stays visible because responders say it aloud. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  sev1: "SEV1 · critical",
  sev2: "SEV2 · major",
  sev3: "SEV3 · minor",
  sev4: "SEV4 · low",
};

export const SEVERITY_HINTS: Record<Severity, string> = {
  sev1: "Critical: a core journey is down for many users, or data is at risk.",
  sev2: "Major: a core journey is degraded, or a feature is down for many users.",
  sev3: "Minor: limited impact, a workaround exists.",
  sev4: "Low: no user impact yet; worth tracking.",
};

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  open: "Open",
  mitigated: "Mitigated",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled",
  duplicate: "Duplicate",
};

/** The button that moves an incident to a status, in the words a responder uses. */
export const MOVE_LABELS: Record<IncidentStatus, string> = {
  open: "Reopen",
  mitigated: "Mark mitigated",
  resolved: "Resolve",
  closed: "Close",
  cancelled: "Cancel (not an incident)",
  duplicate: "Mark as duplicate",
};

export const ROLE_LABELS: Record<IncidentRole, string> = {
  commander: "Incident commander",
  responder: "Responder",
  shadow: "Shadow",
  communications: "Communications",
};

/** Chart colours of severities: the CSS custom properties of app/globals.css (light and dark). */
export const SEVERITY_COLORS: Record<Severity, string> = {
  sev1: "var(--sev1)",
  sev2: "var(--sev2)",
  sev3: "var(--sev3)",
  sev4: "var(--sev4)",
};

export const reference = (n: number) => `INC-${n}`;

/** "2 h 05 m", "3 d 4 h", "45 s": durations as responders read them. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "–";
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, "0")} m`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
