import type { SloDefinition } from "../schemas";
import { definitionOf } from "./parse";
import type { MetricSourceInfo, ParsedDocument } from "./types";

export type SloReport = {
  name: string;
  service: string;
  /** The document's objective it came from. */
  objective: number;
  definition: SloDefinition;
  /** Where the counts come from in the source system: echoed, never run. */
  source: MetricSourceInfo;
  /** Set once created. */
  id?: string;
};

export type DocumentReport = {
  index: number;
  kind: string;
  name: string | null;
  status: "created" | "would-create" | "skipped" | "error";
  reason?: string;
  slos?: SloReport[];
  warnings: string[];
  errors: string[];
};

/**
 * What an OpenSLO import did or would do, document by document. `created` counts the SLOs
 * written (none in a dry run or when anything is wrong: the import is all or nothing),
 * `slos` those the file defines, `errors` the documents with errors.
 */
export type OpenSloImportReport = {
  dryRun: boolean;
  documents: DocumentReport[];
  slos: number;
  created: number;
  errors: number;
};

/** The report of parsed (and planned) documents; `ids` are those of the SLOs created, in order. */
export function toReport(docs: ParsedDocument[], dryRun: boolean, ids?: string[][]): OpenSloImportReport {
  const errors = docs.filter((d) => d.status === "error").length;
  const documents = docs.map((d, i): DocumentReport => {
    const status = d.status === "ok" ? (dryRun || errors || !ids ? "would-create" : "created") : d.status;
    return {
      index: d.index,
      kind: d.kind,
      name: d.name,
      status,
      ...(d.reason ? { reason: d.reason } : {}),
      ...(d.status === "ok"
        ? {
            slos: d.slos.map((s, j) => ({
              name: s.input.name,
              service: s.input.service,
              objective: s.objective,
              definition: definitionOf(s.input),
              source: s.source,
              ...(ids?.[i]?.[j] ? { id: ids[i][j] } : {}),
            })),
          }
        : {}),
      warnings: d.warnings,
      errors: d.errors,
    };
  });
  const slos = docs.reduce((n, d) => n + (d.status === "ok" ? d.slos.length : 0), 0);
  const created = documents.reduce((n, d) => n + (d.status === "created" ? (d.slos?.length ?? 0) : 0), 0);
  return { dryRun, documents, slos, created, errors };
}
