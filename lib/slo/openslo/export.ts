import { Document, Scalar } from "yaml";
import type { SloDefinition } from "../schemas";
import { ANNOTATIONS } from "./indicator";
import { percentLabel } from "./objective";

/** An SLO as the exporter needs it: its id (named in the metric source), its service's slug and its definition. */
export type ExportableSlo = { id: string; service: string; definition: SloDefinition };

const CALENDAR_DURATION = { week: "1w", month: "1M", quarter: "1Q" } as const;
/** A Monday, the 1st of a month and of a quarter: where every Pharos calendar window is aligned. */
const CALENDAR_START = "2024-01-01 00:00:00";

/** An RFC 1123 label from the SLO's name ("Checkout availability" → checkout-availability). */
export function openSloName(name: string, id: string): string {
  const label = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 63)
    .replace(/^-+|-+$/g, "");
  return label || `slo-${id.slice(0, 8)}`;
}

const pharosSource = (sloId: string, counts: "good" | "total") => ({
  metricSource: { type: "Pharos", spec: { sloId, counts } },
});

/**
 * One Pharos SLO as an OpenSLO v1 `kind: SLO` document. The indicator is inline and names
 * Pharos itself as the metric source (the SLO's good/total counts), so the file describes
 * where its numbers come from; what OpenSLO has no field for (the minimum events an alert
 * needs, a latency SLI's threshold) rides in `pharos.dev/*` annotations. `parseOpenSlo`
 * reads it back to the same definition.
 */
export function toOpenSloDocument({ id, service, definition: d }: ExportableSlo): Record<string, unknown> {
  const name = openSloName(d.name, id);
  const annotations: Record<string, string> = {
    [ANNOTATIONS.sloId]: id,
    [ANNOTATIONS.minEvents]: String(d.minEvents),
  };
  if (d.sliKind === "latency" && d.latencyThresholdMs !== null) {
    annotations[ANNOTATIONS.sliKind] = "latency";
    annotations[ANNOTATIONS.latencyThresholdMs] = String(d.latencyThresholdMs);
  }
  const timeWindow =
    d.window.type === "rolling"
      ? { duration: `${d.window.days}d`, isRolling: true }
      : {
          duration: CALENDAR_DURATION[d.window.unit],
          isRolling: false,
          calendar: { startTime: quoted(CALENDAR_START), timeZone: d.window.timeZone },
        };
  const objective: Record<string, unknown> = { displayName: percentLabel(d.target), target: d.target };
  if (d.budgeting.method === "timeslices") {
    objective.timeSliceTarget = d.budgeting.sliceTarget;
    objective.timeSliceWindow = `${d.budgeting.sliceMinutes}m`;
  }
  return {
    apiVersion: "openslo/v1",
    kind: "SLO",
    metadata: { name, displayName: d.name, annotations },
    spec: {
      ...(d.description ? { description: d.description } : {}),
      service,
      indicator: {
        metadata: { name: `${name.slice(0, 59).replace(/-+$/, "")}-sli`, displayName: `${d.name} (counts)` },
        spec: {
          ratioMetric: { counter: true, good: pharosSource(id, "good"), total: pharosSource(id, "total") },
        },
      },
      timeWindow: [timeWindow],
      budgetingMethod: d.budgeting.method === "timeslices" ? "Timeslices" : "Occurrences",
      objectives: [objective],
    },
  };
}

/** A date-like string is double-quoted, so YAML 1.1 readers do not take it for a timestamp. */
function quoted(value: string) {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** One or more SLOs as a multi-document OpenSLO v1 file. */
export function toOpenSloYaml(slos: ExportableSlo | ExportableSlo[]): string {
  return [slos]
    .flat()
    .map((slo) => new Document(toOpenSloDocument(slo)).toString({ lineWidth: 0 }))
    .join("---\n");
}
