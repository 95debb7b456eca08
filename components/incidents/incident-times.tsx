import { INCIDENT_TIMES } from "@/db/schema/incidents";
import { dateTime } from "@/lib/format";
import type { IncidentDetail } from "@/lib/incidents/detail";
import { TIME_LABELS } from "@/lib/incidents/lifecycle";
import { duration } from "@/lib/incidents/present";

const gap = (a: string | null, b: string | null) =>
  a && b ? duration((Date.parse(b) - Date.parse(a)) / 1000) : null;

/** The seven lifecycle times, with the intervals the metrics are made of beside them. */
export function IncidentTimes({ incident: i }: { incident: IncidentDetail }) {
  const start = i.impactStartedAt ?? i.declaredAt;
  const figures = [
    { label: "Time to detect", value: gap(i.impactStartedAt, i.detectedAt) },
    { label: "Time to acknowledge", value: gap(i.declaredAt, i.acknowledgedAt) },
    { label: "Time to resolve", value: gap(start, i.resolvedAt) },
  ];
  return (
    <div className="grid gap-3 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" data-testid="incident-times">
        {INCIDENT_TIMES.map((f) => (
          <div key={f} className="contents">
            <dt className="text-muted-foreground">{TIME_LABELS[f]}</dt>
            <dd className="text-right tabular-nums" data-time={f}>
              {i[f] ? dateTime(i[f]) : <span className="text-muted-foreground">—</span>}
            </dd>
          </div>
        ))}
      </dl>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-t pt-2">
        {figures.map((f) => (
          <div key={f.label} className="contents">
            <dt className="text-muted-foreground">{f.label}</dt>
            <dd className="text-right font-medium tabular-nums">{f.value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
