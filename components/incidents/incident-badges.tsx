import type { IncidentStatus, Severity } from "@/db/schema/incidents";
import { STATUS_LABELS } from "@/lib/incidents/present";

/** Severity as responders say it (SEV1…SEV4), in the one severity palette (`.sev-*`). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge sev sev-${severity}`} data-severity={severity}>
      {severity.toUpperCase()}
    </span>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
