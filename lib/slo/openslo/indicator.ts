import type { MetricSourceInfo } from "./types";

type Problems = { errors: string[]; warnings: string[] };
type Map = Record<string, unknown>;

export const isMap = (v: unknown): v is Map => typeof v === "object" && v !== null && !Array.isArray(v);

/** Annotations Pharos writes on export and reads back on import. */
export const ANNOTATIONS = {
  sloId: "pharos.dev/slo-id",
  minEvents: "pharos.dev/min-events",
  sliKind: "pharos.dev/sli-kind",
  latencyThresholdMs: "pharos.dev/latency-threshold-ms",
  latencyUnit: "pharos.dev/latency-unit",
} as const;

/** `documents[0].metadata.annotations["pharos.dev/min-events"]`. */
export const annotationPath = (metadata: string, key: string) =>
  `${metadata}.annotations[${JSON.stringify(key)}]`;

/** An SLI as it appears inline (`spec.indicator`) or as its own `kind: SLI` document. */
export type Indicator = {
  name: string;
  /** Path of the SLI's `spec`, e.g. `documents[0].spec.indicator.spec` or `documents[3].spec`. */
  path: string;
  spec: unknown;
  /** The SLO's annotations over the SLI's: the SLO's win. */
  annotations: Map;
  /** The path of the `metadata` a given annotation was read from. */
  metadataOf: (key: string) => string;
};

/** What the SLI is, for Pharos: good/total counts, or a value compared with a threshold. */
export type SliShape =
  | { metric: "ratio"; source: MetricSourceInfo }
  | { metric: "threshold"; source: MetricSourceInfo; unit: "ms" | "s" | null };

const PHAROS_SOURCE = "Pharos";

function metricSourceOf(part: unknown): Map | null {
  return isMap(part) && isMap(part.metricSource) ? part.metricSource : null;
}

/**
 * The latency unit a threshold metric's query reports in, read from its words
 * (`http_request_duration_seconds`, `latency_ms`); null when the query does not say.
 */
export function inferLatencyUnit(source: unknown): "ms" | "s" | null {
  const text = JSON.stringify(source ?? "").toLowerCase();
  const ms = /(^|[^a-z])(milliseconds?|ms)([^a-z]|$)/.test(text);
  const s = /(^|[^a-z])(seconds?|sec)([^a-z]|$)/.test(text);
  return ms === s ? null : ms ? "ms" : "s";
}

/** Reads the SLI's metric; the queries are kept as opaque info, never run. */
export function readIndicator(ind: Indicator, out: Problems): SliShape | null {
  if (!isMap(ind.spec)) {
    out.errors.push(`${ind.path}: the SLI has no spec with a ratioMetric or thresholdMetric`);
    return null;
  }
  const { ratioMetric, thresholdMetric } = ind.spec;
  if (ratioMetric !== undefined && thresholdMetric !== undefined) {
    out.errors.push(`${ind.path}: has both ratioMetric and thresholdMetric; an SLI has one`);
    return null;
  }
  if (thresholdMetric !== undefined) {
    const source = isMap(thresholdMetric) ? metricSourceOf(thresholdMetric) : null;
    if (!source) {
      out.errors.push(`${ind.path}.thresholdMetric.metricSource: missing`);
      return null;
    }
    const stated = ind.annotations[ANNOTATIONS.latencyUnit];
    const unit = stated === "ms" || stated === "s" ? stated : inferLatencyUnit(source.spec);
    if (stated !== undefined && stated !== "ms" && stated !== "s")
      out.errors.push(
        `${annotationPath(ind.metadataOf(ANNOTATIONS.latencyUnit), ANNOTATIONS.latencyUnit)}: is ms or s, not ${JSON.stringify(stated)}`,
      );
    return {
      metric: "threshold",
      unit,
      source: { indicator: ind.name, metric: "threshold", threshold: source },
    };
  }
  if (!isMap(ratioMetric)) {
    out.errors.push(`${ind.path}: needs a ratioMetric (good/total or bad/total) or a thresholdMetric`);
    return null;
  }
  const at = `${ind.path}.ratioMetric`;
  if (ratioMetric.raw !== undefined || ratioMetric.rawType !== undefined) {
    out.errors.push(
      `${at}.raw: a precomputed ratio is not representable; Pharos receives good and total counts (use good/total or bad/total)`,
    );
    return null;
  }
  const good = metricSourceOf(ratioMetric.good);
  const bad = metricSourceOf(ratioMetric.bad);
  const total = metricSourceOf(ratioMetric.total);
  if (good && bad) out.errors.push(`${at}: has both good and bad; a ratio has one of them over total`);
  if (!good && !bad) out.errors.push(`${at}: needs good.metricSource or bad.metricSource`);
  if (!total) out.errors.push(`${at}.total.metricSource: missing`);
  if ((!good && !bad) || (good && bad) || !total) return null;
  if (bad)
    out.warnings.push(
      `${at}.bad: Pharos receives good and total counts, so the collector must push good = total − bad`,
    );
  const fromPharos = [good ?? bad, total].every((s) => s?.type === PHAROS_SOURCE);
  out.warnings.push(
    fromPharos
      ? `${at}: exported from Pharos; the new SLO starts without measurements until its counts are pushed`
      : `${at}: Pharos does not run the metric queries; push good/total counts to the new SLO's measurements endpoint`,
  );
  return {
    metric: "ratio",
    source: { indicator: ind.name, metric: "ratio", ...(good ? { good } : { bad }), total },
  };
}
