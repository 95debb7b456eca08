import { ANNOTATIONS, annotationPath, isMap, type SliShape } from "./indicator";
import { readSliceWindow } from "./time";

type Problems = { errors: string[]; warnings: string[] };

export type ObjectiveInput = {
  objective: unknown;
  /** e.g. `documents[0].spec.objectives[1]`. */
  path: string;
  /** The SLO's displayName, or its name. */
  title: string;
  several: boolean;
  method: "occurrences" | "timeslices";
  shape: SliShape;
  annotations: Record<string, unknown>;
  /** The path of the `metadata` a given annotation was read from. */
  metadataOf: (key: string) => string;
  out: Problems;
};

/** The fields of one Pharos SLO an objective decides, and where each came from in the file. */
export type ObjectiveRead = {
  name: string;
  sliKind: "ratio" | "latency";
  latencyThresholdMs?: unknown;
  target: unknown;
  budgeting: { method: "occurrences" } | { method: "timeslices"; sliceMinutes: number; sliceTarget: unknown };
  /** Pharos field → the path its value was read from, so the schema's messages point into the file. */
  paths: Record<string, string>;
};

const COMPOSITE = ["indicator", "indicatorRef", "sli", "sliRef", "compositeWeight"] as const;

/** "99.9 %": the target as a percentage, as precise as it was given. */
export function percentLabel(target: number): string {
  return `${Number((target * 100).toPrecision(10))} %`;
}

function readTarget(o: Record<string, unknown>, path: string, out: Problems) {
  const { target, targetPercent } = o;
  if (target === undefined && targetPercent === undefined) {
    out.errors.push(`${path}: needs target (e.g. 0.999) or targetPercent (e.g. 99.9)`);
    return null;
  }
  if (target !== undefined && typeof target !== "number") {
    out.errors.push(`${path}.target: is a number such as 0.999`);
    return null;
  }
  if (targetPercent !== undefined && typeof targetPercent !== "number") {
    out.errors.push(`${path}.targetPercent: is a number such as 99.9`);
    return null;
  }
  // 99.9 / 100 is 0.9990000000000001 in floating point; the percentage meant 0.999.
  const fromPercent =
    typeof targetPercent === "number" ? Number((targetPercent / 100).toPrecision(12)) : null;
  if (typeof target === "number" && fromPercent !== null && Math.abs(target - fromPercent) > 1e-12) {
    out.errors.push(`${path}: target ${target} and targetPercent ${targetPercent} disagree; give one`);
    return null;
  }
  return {
    value: (target as number | undefined) ?? (fromPercent as number),
    path: target === undefined ? `${path}.targetPercent` : `${path}.target`,
  };
}

/** A threshold metric becomes a latency SLI: good events are requests under the objective's value. */
function latencyFrom(
  o: Record<string, unknown>,
  path: string,
  shape: Extract<SliShape, { metric: "threshold" }>,
  out: Problems,
): number | null {
  if (o.op !== "lt" && o.op !== "lte") {
    out.errors.push(
      `${path}.op: ${JSON.stringify(o.op ?? null)} is not representable; a threshold metric becomes a Pharos latency SLI, which counts requests under a threshold (op lt or lte)`,
    );
    return null;
  }
  if (typeof o.value !== "number" || !Number.isFinite(o.value)) {
    out.errors.push(`${path}.value: the latency threshold, a number, is missing`);
    return null;
  }
  if (!shape.unit) {
    out.errors.push(
      `${path}.value: cannot tell whether ${o.value} is milliseconds or seconds from the metric's query; annotate the SLI or SLO with ${ANNOTATIONS.latencyUnit}: ms (or s)`,
    );
    return null;
  }
  const ms = Number((shape.unit === "s" ? o.value * 1000 : o.value).toPrecision(12));
  if (!Number.isInteger(ms)) {
    out.errors.push(`${path}.value: ${o.value} ${shape.unit} is not a whole number of milliseconds`);
    return null;
  }
  out.warnings.push(
    `${path}: a threshold metric's samples are not read; push good = requests ${o.op === "lt" ? "under" : "at or under"} ${ms} ms and total = all requests`,
  );
  return ms;
}

/** A ratio SLI exported by Pharos as a latency SLI says so in its annotations. */
function ratioKind(annotations: Record<string, unknown>, at: (key: string) => string, out: Problems) {
  const kind = annotations[ANNOTATIONS.sliKind];
  if (kind === undefined || kind === "ratio") return { sliKind: "ratio" as const };
  if (kind !== "latency") {
    out.errors.push(`${at(ANNOTATIONS.sliKind)}: is ratio or latency, not ${JSON.stringify(kind)}`);
    return null;
  }
  const threshold = annotations[ANNOTATIONS.latencyThresholdMs];
  if (threshold === undefined) {
    out.errors.push(`${at(ANNOTATIONS.latencyThresholdMs)}: a latency SLI needs its threshold in ms`);
    return null;
  }
  return { sliKind: "latency" as const, latencyThresholdMs: threshold };
}

/** One objective as the fields of one Pharos SLO, or null with its problems named. */
export function readObjective(input: ObjectiveInput): ObjectiveRead | null {
  const { objective: o, path, out, shape, method } = input;
  const at = (key: string) => annotationPath(input.metadataOf(key), key);
  if (!isMap(o)) {
    out.errors.push(`${path}: is not a mapping with a target`);
    return null;
  }
  const composite = COMPOSITE.filter((k) => o[k] !== undefined);
  if (composite.length) {
    out.errors.push(
      `${path}.${composite[0]}: composite SLOs (an SLI per objective) are not representable in Pharos`,
    );
    return null;
  }
  const target = readTarget(o, path, out);
  const paths: Record<string, string> = target ? { target: target.path } : {};
  let kind: Pick<ObjectiveRead, "sliKind" | "latencyThresholdMs"> | null;
  if (shape.metric === "threshold") {
    const ms = latencyFrom(o, path, shape, out);
    kind = ms === null ? null : { sliKind: "latency", latencyThresholdMs: ms };
    paths.latencyThresholdMs = `${path}.value`;
  } else {
    if (o.op !== undefined || o.value !== undefined)
      out.warnings.push(`${path}: op and value are ignored; they apply to a thresholdMetric`);
    kind = ratioKind(input.annotations, at, out);
    paths.latencyThresholdMs = at(ANNOTATIONS.latencyThresholdMs);
  }
  paths.minEvents = at(ANNOTATIONS.minEvents);
  let budgeting: ObjectiveRead["budgeting"] | null = { method: "occurrences" };
  if (method === "timeslices") {
    const sliceMinutes = readSliceWindow(o.timeSliceWindow, `${path}.timeSliceWindow`, out);
    if (o.timeSliceTarget === undefined)
      out.errors.push(
        `${path}.timeSliceTarget: missing; Timeslices budgeting needs the good ratio a slice must reach`,
      );
    budgeting =
      sliceMinutes === null || o.timeSliceTarget === undefined
        ? null
        : { method: "timeslices", sliceMinutes, sliceTarget: o.timeSliceTarget };
    paths.budgeting = `${path}.timeSliceTarget`;
  } else if (o.timeSliceTarget !== undefined || o.timeSliceWindow !== undefined) {
    out.warnings.push(`${path}: timeSliceTarget and timeSliceWindow are ignored with Occurrences budgeting`);
  }
  if (!target || !kind || !budgeting) return null;
  const label = typeof o.displayName === "string" && o.displayName.trim() ? o.displayName.trim() : null;
  const name = input.several ? `${input.title} — ${label ?? percentLabel(target.value)}` : input.title;
  if (input.several) paths.name = label ? `${path}.displayName` : target.path;
  return { name, ...kind, target: target.value, budgeting, paths };
}
