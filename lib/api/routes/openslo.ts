import { z } from "zod";
import { MAX_OPENSLO_BYTES } from "@/lib/slo/openslo/documents";
import { openSloName, toOpenSloYaml } from "@/lib/slo/openslo/export";
import { importOpenSlo, importOpenSloCommand } from "@/lib/slo/openslo/import";
import { sloRead } from "@/lib/slo/reads";
import { json, type Route, readRoute } from "../define-route";
import { errorResponse } from "../errors";
import { flag, uuidParam } from "../params";

const tag = "SLOs";
const importQuery = z.object({ dryRun: flag });

const SloReportSchema = z.object({
  name: z.string(),
  service: z.string().describe("the service's slug"),
  objective: z.number().int().describe("the index of the objective in the document's spec.objectives"),
  definition: z.record(z.string(), z.unknown()).describe("the SLO definition, as GET /slos/{id} answers it"),
  source: z
    .record(z.string(), z.unknown())
    .describe("the metric sources the file names; Pharos does not run them: collectors push counts"),
  id: z.uuid().optional().describe("once created"),
});

export const OpenSloReportSchema = z
  .object({
    dryRun: z.boolean(),
    documents: z.array(
      z.object({
        index: z.number().int().describe("0-based, as in the documents[i] of every path"),
        kind: z.string(),
        name: z.string().nullable(),
        status: z.enum(["created", "would-create", "skipped", "error"]),
        reason: z.string().optional().describe("why a document is skipped"),
        slos: z.array(SloReportSchema).optional(),
        warnings: z.array(z.string()),
        errors: z
          .array(z.string())
          .describe("each names its path, e.g. documents[2].spec.timeWindow[0].duration"),
      }),
    ),
    slos: z.number().int().describe("SLOs the file defines"),
    created: z.number().int().describe("SLOs written: none in a dry run or when anything is wrong"),
    errors: z.number().int().describe("documents with errors"),
  })
  .meta({ id: "OpenSloImportReport" });

export const openSloRoutes: Route[] = [
  {
    method: "post",
    path: "/openslo/import",
    tag,
    summary: "Import OpenSLO v1 YAML",
    description:
      "One or many OpenSLO v1 documents (`kind: SLO` with an inline `indicator` or an `indicatorRef` to a `kind: SLI` in the same file); each objective becomes one Pharos SLO on the service `spec.service` names. Other kinds are skipped with the reason. `dryRun=true` reports what would be created without writing. A real run is all or nothing: 200 with the report; 400 with the per-document report (`error.details`) when any document has errors, each naming its path. See docs/openslo.md for what maps to what.",
    permission: importOpenSloCommand.permission,
    query: importQuery,
    body: {
      kind: "text",
      mediaType: "application/yaml",
      schema: z.string(),
      maxBytes: MAX_OPENSLO_BYTES,
      description: "OpenSLO v1 YAML",
    },
    responses: { 200: { description: "The import report", schema: OpenSloReportSchema } },
    async handle({ actor, body, query }) {
      const parsed = importQuery.safeParse(query);
      if (!parsed.success) return errorResponse({ code: "invalid", error: "dryRun is true or false." });
      const result = await importOpenSlo(actor, body as string, { dryRun: parsed.data.dryRun });
      if (!result.ok) return errorResponse(result);
      return json(result.data);
    },
  },
  readRoute({
    method: "get",
    path: "/slos/{id}/openslo.yaml",
    tag,
    summary: "One SLO as OpenSLO v1 YAML",
    description:
      "A `kind: SLO` with its indicator inline, whose metric source is this SLO's own counts in Pharos; importing it again gives the same definition.",
    params: z.object({ id: uuidParam }),
    read: sloRead,
    input: ({ params }) => params,
    respond: (slo) =>
      new Response(toOpenSloYaml({ id: slo.id, service: slo.service.slug, definition: slo.definition }), {
        headers: {
          "content-type": "application/yaml; charset=utf-8",
          "content-disposition": `attachment; filename="${openSloName(slo.definition.name, slo.id)}.openslo.yaml"`,
          "cache-control": "no-store",
        },
      }),
    responses: {
      200: { description: "The SLO as OpenSLO v1", mediaType: "application/yaml", schema: z.string() },
    },
  }),
];
