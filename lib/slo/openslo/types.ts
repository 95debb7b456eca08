import type { z } from "zod";
import type { createSloInput } from "../schemas";

/** One SLO as the Pharos create command takes it, after its schema has parsed it. */
export type ParsedSloInput = z.output<typeof createSloInput>;

/**
 * Where an imported SLO's counts come from in the system the file was written for. Pharos
 * never runs these queries (collectors push good/total counts), so they are only echoed in
 * the report, for whoever sets up the collector.
 */
export type MetricSourceInfo = {
  indicator: string;
  metric: "ratio" | "threshold";
  good?: unknown;
  bad?: unknown;
  total?: unknown;
  threshold?: unknown;
};

export type ParsedSlo = {
  input: ParsedSloInput;
  /** Which of the document's `spec.objectives` this SLO is. */
  objective: number;
  source: MetricSourceInfo;
};

/**
 * One YAML document of an OpenSLO file as the parser judged it. `ok` documents carry the
 * Pharos SLOs they become; an SLI, a DataSource and the like are `skipped` with the reason;
 * an `error` document names every problem by its path, e.g.
 * `documents[2].spec.timeWindow[0].duration: 2d is not a Pharos window …`.
 */
export type ParsedDocument = {
  /** 0-based, as in the `documents[i]` of every path. */
  index: number;
  kind: string;
  name: string | null;
  status: "ok" | "skipped" | "error";
  reason?: string;
  slos: ParsedSlo[];
  warnings: string[];
  errors: string[];
};
