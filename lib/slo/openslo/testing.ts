import fs from "node:fs";
import path from "node:path";

/** An example file from fixtures/, as text. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
}

type Overrides = {
  window?: string;
  budgeting?: string;
  objectives?: string;
  indicator?: string;
  metadata?: string;
};

/** A small SLO document with its parts replaceable, each given as indented YAML. */
export function sloDoc(o: Overrides = {}): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
${o.metadata ?? "  name: api-availability\n  displayName: API availability"}
spec:
  service: api
${
  o.indicator ??
  `  indicator:
    metadata:
      name: api-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(requests_total{code!~"5.."}[5m]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(requests_total[5m]))`
}
  timeWindow:
${o.window ?? "    - duration: 30d\n      isRolling: true"}
  budgetingMethod: ${o.budgeting ?? "Occurrences"}
  objectives:
${o.objectives ?? "    - target: 0.999"}
`;
}
