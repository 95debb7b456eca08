import { createSloInput, type SloDefinition } from "../schemas";
import { splitYamlDocuments } from "./documents";
import { ANNOTATIONS, type Indicator, isMap, readIndicator } from "./indicator";
import { readObjective } from "./objective";
import { readTimeWindow } from "./time";
import type { ParsedDocument, ParsedSlo } from "./types";

export { MAX_OPENSLO_BYTES } from "./documents";

const API_VERSION = "openslo/v1";

/** Kinds Pharos reads nothing from, each with why. */
const SKIPPED: Record<string, string> = {
  DataSource: "Pharos does not connect to data sources: collectors push good/total counts",
  AlertPolicy: "Pharos alerts on every SLO with its own burn-rate rules (page fast, page slow, ticket)",
  AlertCondition: "Pharos alerts on every SLO with its own burn-rate rules (page fast, page slow, ticket)",
  AlertNotificationTarget: "Pharos pages the owning team's on-call; notification targets are not imported",
  Service: "Pharos services come from the catalog; an SLO's spec.service names a Pharos service slug",
};

type Raw = Record<string, unknown>;
type Doc = { index: number; raw: Raw };

const row = (index: number, kind: string, name: string | null): ParsedDocument => ({
  index,
  kind,
  name,
  status: "ok",
  slos: [],
  warnings: [],
  errors: [],
});

const stringOr = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * Reads an OpenSLO v1 file into Pharos SLO inputs, document by document, without I/O: whether
 * `spec.service` exists and the caller may define its SLOs is the importer's to check. One
 * SLO document with several objectives becomes several Pharos SLOs; an SLI is read through
 * the SLOs that use it; anything Pharos cannot represent is an error on its document, named
 * by path, never dropped.
 */
export function parseOpenSlo(text: string): ParsedDocument[] {
  const docs: Doc[] = [];
  const out: ParsedDocument[] = [];
  for (const d of splitYamlDocuments(text)) {
    if ("error" in d)
      out.push({ ...row(d.index, "", null), status: "error", errors: [`documents[${d.index}]: ${d.error}`] });
    else if (!isMap(d.raw))
      out.push({
        ...row(d.index, "", null),
        status: "error",
        errors: [`documents[${d.index}]: not a mapping with apiVersion, kind, metadata and spec`],
      });
    else docs.push({ index: d.index, raw: d.raw });
  }
  const slis = new Map<string, Doc[]>();
  for (const d of docs)
    if (d.raw.kind === "SLI" && d.raw.apiVersion === API_VERSION) {
      const name = isMap(d.raw.metadata) ? stringOr(d.raw.metadata.name) : null;
      if (name) slis.set(name, [...(slis.get(name) ?? []), d]);
    }
  const usedBy = new Map<number, string[]>();
  for (const d of docs) {
    const kind = typeof d.raw.kind === "string" ? d.raw.kind : "";
    const name = isMap(d.raw.metadata) ? stringOr(d.raw.metadata.name) : null;
    const result = row(d.index, kind, name);
    if (kind !== "SLO" && kind !== "SLI") {
      result.status = "skipped";
      result.reason =
        d.raw.apiVersion !== API_VERSION
          ? `not an OpenSLO v1 document (apiVersion ${JSON.stringify(d.raw.apiVersion ?? null)}, kind ${JSON.stringify(d.raw.kind ?? null)})`
          : (SKIPPED[kind] ?? `kind ${JSON.stringify(kind)} is not one Pharos imports`);
    } else if (d.raw.apiVersion !== API_VERSION) {
      result.status = "error";
      result.errors.push(
        `documents[${d.index}].apiVersion: ${JSON.stringify(d.raw.apiVersion ?? null)} is not supported; Pharos reads ${API_VERSION}`,
      );
    } else if (kind === "SLO") {
      readSlo(d, slis, result, usedBy);
    }
    out.push(result);
  }
  for (const r of out)
    if (r.kind === "SLI" && r.status === "ok") {
      const users = usedBy.get(r.index);
      r.status = "skipped";
      r.reason = users
        ? `read as the indicator of ${users.join(", ")}`
        : "not used by any SLO in this file; Pharos keeps an SLI only as part of an SLO";
      if (!r.name) r.warnings.push(`documents[${r.index}].metadata.name: missing, so no SLO can refer to it`);
    }
  return out.sort((a, b) => a.index - b.index);
}

function readSlo(d: Doc, slis: Map<string, Doc[]>, result: ParsedDocument, usedBy: Map<number, string[]>) {
  const base = `documents[${d.index}]`;
  const out = { errors: result.errors, warnings: result.warnings };
  const metadata = isMap(d.raw.metadata) ? d.raw.metadata : {};
  const spec = isMap(d.raw.spec) ? d.raw.spec : null;
  const annotations = isMap(metadata.annotations) ? metadata.annotations : {};
  if (!result.name) out.errors.push(`${base}.metadata.name: missing`);
  if (!spec) out.errors.push(`${base}.spec: missing`);
  if (!spec || !result.name) return finish(result);
  const title = stringOr(metadata.displayName) ?? result.name;
  const titlePath =
    metadata.displayName === undefined ? `${base}.metadata.name` : `${base}.metadata.displayName`;

  const indicator = indicatorOf(d, spec, slis, annotations, out);
  if (indicator?.doc)
    usedBy.set(indicator.doc.index, [...(usedBy.get(indicator.doc.index) ?? []), `${base} (${result.name})`]);
  const shape = indicator ? readIndicator(indicator.indicator, out) : null;
  const window = readTimeWindow(spec.timeWindow, `${base}.spec.timeWindow`, out);
  const method = budgetingOf(spec.budgetingMethod, `${base}.spec.budgetingMethod`, out);
  if (Array.isArray(spec.alertPolicies) && spec.alertPolicies.length)
    out.warnings.push(`${base}.spec.alertPolicies: not imported; Pharos alerts with its own burn-rate rules`);
  const objectives = spec.objectives;
  if (!Array.isArray(objectives) || !objectives.length) {
    out.errors.push(`${base}.spec.objectives: needs at least one objective with a target`);
    return finish(result);
  }
  if (!shape || !window || !method) return finish(result);

  const fieldPaths: Record<string, string> = {
    service: `${base}.spec.service`,
    description: `${base}.spec.description`,
    name: titlePath,
    window: `${base}.spec.timeWindow[0]`,
  };
  const merged = indicator?.indicator.annotations ?? annotations;
  const names = new Set<string>();
  objectives.forEach((objective, j) => {
    const read = readObjective({
      objective,
      path: `${base}.spec.objectives[${j}]`,
      title,
      several: objectives.length > 1,
      method,
      shape,
      annotations: merged,
      metadataOf: indicator?.indicator.metadataOf ?? (() => `${base}.metadata`),
      out,
    });
    if (!read) return;
    if (names.has(read.name.toLowerCase())) {
      out.errors.push(
        `${base}.spec.objectives[${j}].displayName: another objective is also named "${read.name}"; give each a different displayName`,
      );
      return;
    }
    names.add(read.name.toLowerCase());
    const raw = {
      service: spec.service,
      name: read.name,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      sliKind: read.sliKind,
      ...(read.latencyThresholdMs === undefined ? {} : { latencyThresholdMs: read.latencyThresholdMs }),
      target: read.target,
      window,
      budgeting: read.budgeting,
      ...(merged[ANNOTATIONS.minEvents] === undefined ? {} : { minEvents: merged[ANNOTATIONS.minEvents] }),
    };
    const parsed = createSloInput.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const where = read.paths[field] ?? fieldPaths[field] ?? `${base}.spec`;
        out.errors.push(`${where}: ${issue.message}`);
      }
      return;
    }
    result.slos.push({ input: parsed.data, objective: j, source: shape.source } satisfies ParsedSlo);
  });
  finish(result);
}

function finish(result: ParsedDocument) {
  result.errors = [...new Set(result.errors)];
  result.warnings = [...new Set(result.warnings)];
  if (result.errors.length) {
    result.status = "error";
    result.slos = [];
  }
}

function indicatorOf(
  d: Doc,
  spec: Raw,
  slis: Map<string, Doc[]>,
  sloAnnotations: Raw,
  out: { errors: string[] },
): { indicator: Indicator; doc?: Doc } | null {
  const base = `documents[${d.index}].spec`;
  if (spec.indicator !== undefined && spec.indicatorRef !== undefined) {
    out.errors.push(`${base}: has both indicator and indicatorRef; give one`);
    return null;
  }
  if (isMap(spec.indicator)) {
    const meta = isMap(spec.indicator.metadata) ? spec.indicator.metadata : {};
    return {
      indicator: {
        name: stringOr(meta.name) ?? "(inline)",
        path: `${base}.indicator.spec`,
        spec: spec.indicator.spec,
        annotations: { ...(isMap(meta.annotations) ? meta.annotations : {}), ...sloAnnotations },
        metadataOf: (key) =>
          key in sloAnnotations ? `documents[${d.index}].metadata` : `${base}.indicator.metadata`,
      },
    };
  }
  if (typeof spec.indicatorRef === "string") {
    const found = slis.get(spec.indicatorRef) ?? [];
    if (found.length !== 1) {
      out.errors.push(
        found.length
          ? `${base}.indicatorRef: ${found.length} SLI documents are named "${spec.indicatorRef}" (documents[${found.map((f) => f.index).join("], documents[")}])`
          : `${base}.indicatorRef: no kind: SLI document named "${spec.indicatorRef}" in this file`,
      );
      return null;
    }
    const sli = found[0];
    const meta = isMap(sli.raw.metadata) ? sli.raw.metadata : {};
    return {
      doc: sli,
      indicator: {
        name: spec.indicatorRef,
        path: `documents[${sli.index}].spec`,
        spec: sli.raw.spec,
        annotations: { ...(isMap(meta.annotations) ? meta.annotations : {}), ...sloAnnotations },
        metadataOf: (key) =>
          key in sloAnnotations ? `documents[${d.index}].metadata` : `documents[${sli.index}].metadata`,
      },
    };
  }
  out.errors.push(
    `${base}: needs an indicator (an inline SLI) or an indicatorRef naming a kind: SLI document`,
  );
  return null;
}

function budgetingOf(
  value: unknown,
  path: string,
  out: { errors: string[]; warnings: string[] },
): "occurrences" | "timeslices" | null {
  if (value === undefined) {
    out.warnings.push(`${path}: missing; Occurrences (good events over all events) is used`);
    return "occurrences";
  }
  if (value === "Occurrences") return "occurrences";
  if (value === "Timeslices") return "timeslices";
  out.errors.push(
    value === "RatioTimeslices"
      ? `${path}: RatioTimeslices (the mean of each slice's ratio) is not representable; Pharos budgets Occurrences or Timeslices`
      : `${path}: ${JSON.stringify(value)} is not a budgeting method (Occurrences or Timeslices)`,
  );
  return null;
}

/** The definition an imported SLO will have: what the create command makes of its input. */
export function definitionOf({ service: _service, ...input }: ParsedSlo["input"]): SloDefinition {
  return {
    ...input,
    description: input.description ?? "",
    latencyThresholdMs: input.sliKind === "latency" ? (input.latencyThresholdMs ?? null) : null,
  };
}
