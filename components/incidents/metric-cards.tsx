import type { Metrics } from "@/lib/incidents/metrics";
import { duration } from "@/lib/incidents/present";

type Definitions = Record<"mttd" | "mtta" | "mttr" | "mtbf", string>;

const NAMES = { mttd: "MTTD", mtta: "MTTA", mttr: "MTTR", mtbf: "MTBF" } as const;

/** The four figures, the median first (a mean hides the long tail), each with its definition beside it. */
export function MetricCards({ metrics, definitions }: { metrics: Metrics; definitions: Definitions }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="metric-cards">
      {(["mttd", "mtta", "mttr"] as const).map((key) => {
        const s = metrics[key];
        return (
          <section key={key} className="card grid content-start gap-1 p-4" aria-labelledby={`metric-${key}`}>
            <h3 id={`metric-${key}`} className="text-xs font-semibold tracking-wide text-muted-foreground">
              {NAMES[key]} · median
            </h3>
            <p className="text-2xl font-semibold tabular-nums" data-metric={key}>
              {duration(s.medianSeconds)}
            </p>
            <p className="text-xs tabular-nums">
              p90 {duration(s.p90Seconds)} · mean {duration(s.meanSeconds)} · {s.count} incident
              {s.count === 1 ? "" : "s"}
              {key === "mttr" && metrics.open ? ` · ${metrics.open} still open` : ""}
            </p>
            <p className="text-xs text-muted-foreground">{definitions[key]}</p>
          </section>
        );
      })}
      <section className="card grid content-start gap-1 p-4" aria-labelledby="metric-mtbf">
        <h3 id="metric-mtbf" className="text-xs font-semibold tracking-wide text-muted-foreground">
          MTBF
        </h3>
        <p className="text-2xl font-semibold tabular-nums" data-metric="mtbf">
          {duration(metrics.mtbf.seconds)}
        </p>
        <p className="text-xs tabular-nums">
          {metrics.mtbf.failures} failure{metrics.mtbf.failures === 1 ? "" : "s"} ·{" "}
          {duration(metrics.mtbf.downtimeSeconds)} of impact
        </p>
        <p className="text-xs text-muted-foreground">{definitions.mtbf}</p>
      </section>
    </div>
  );
}
