import { z } from "zod";
import { getDb } from "@/db/client";
import {
  catalogYamlRead,
  importPreviewRead,
  listServicesInput,
  listServicesRead,
  serviceFacetsInput,
  serviceFacetsRead,
  serviceRead,
  serviceYamlRead,
} from "@/lib/catalog/api-reads";
import { addDependency, removeDependency } from "@/lib/catalog/dependency-commands";
import { importCatalog, MAX_IMPORT_BYTES } from "@/lib/catalog/import/apply";
import { createServiceInput, patchServiceInput } from "@/lib/catalog/schemas";
import { createService, patchService, verifyService } from "@/lib/catalog/service-commands";
import { servicesJson } from "@/lib/catalog/service-json";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { json, type Route, readRoute, withPath, writeRoute } from "../define-route";
import { errorResponse } from "../errors";
import { flag, slugParam } from "../params";
import {
  DependencyResultSchema,
  FacetsSchema,
  ImportReportSchema,
  ServicePageSchema,
  ServiceSchema,
} from "../schemas";

const tag = "Catalog";
const slug = z.object({ slug: slugParam });
const importQuery = z.object({
  dryRun: flag,
  confirmRemovals: flag.describe("apply updates that remove a dependency, link or owner, or lower a tier"),
});
const JSON_BODY_BYTES = 256 * 1024;

const yaml = (body: string | ReadableStream<Uint8Array>, filename: string) =>
  new Response(body, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });

export const catalogRoutes: Route[] = [
  readRoute({
    method: "get",
    path: "/services",
    tag,
    summary: "List services",
    description:
      "Filters, full-text `q` (prefix match), sorting and paging; `facets=true` adds facet counts.",
    query: listServicesInput,
    read: listServicesRead,
    input: ({ query }) => query,
    responses: { 200: { description: "A page of services", schema: ServicePageSchema } },
  }),
  readRoute({
    method: "get",
    path: "/services/facets",
    tag,
    summary: "Facet counts",
    description:
      "Counts per team, tier, lifecycle, domain, level and tag under the same filters as the list; `facet=tier,team` counts only those.",
    query: serviceFacetsInput,
    read: serviceFacetsRead,
    input: ({ query }) => query,
    responses: { 200: { description: "Facet counts", schema: FacetsSchema } },
  }),
  readRoute({
    method: "get",
    path: "/services/{slug}",
    tag,
    summary: "One service",
    params: slug,
    read: serviceRead,
    input: ({ params }) => params,
    responses: { 200: { description: "The service", schema: ServiceSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/services",
    tag,
    summary: "Register a service",
    body: { kind: "object", schema: createServiceInput, maxBytes: JSON_BODY_BYTES },
    write: createService,
    input: ({ body }) => body,
    respond: async (service) => {
      const [created] = await servicesJson(getDb(), [service.slug]);
      return json(created, 201, { location: `/api/v1/services/${service.slug}` });
    },
    responses: { 201: { description: "Registered", schema: ServiceSchema, headers: ["location"] } },
  }),
  writeRoute({
    method: "patch",
    path: "/services/{slug}",
    tag,
    summary: "Change a service",
    description:
      "Any fields but the slug; `archived: true|false` archives or restores; `dependsOn` replaces the dependency set.",
    params: slug,
    body: {
      kind: "object",
      schema: patchServiceInput.omit({ slug: true }),
      maxBytes: JSON_BODY_BYTES,
    },
    write: patchService,
    input: ({ body, params }) => withPath(body, params),
    responses: { 200: { description: "The service as changed", schema: ServiceSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/services/{slug}/verify",
    tag,
    summary: "Mark a service verified today",
    params: slug,
    write: verifyService,
    input: ({ params }) => params,
    respond: async (service) => json((await servicesJson(getDb(), [service.slug]))[0]),
    responses: { 200: { description: "Verified", schema: ServiceSchema } },
  }),
  writeRoute({
    method: "put",
    path: "/services/{slug}/dependencies/{dependsOn}",
    tag,
    summary: "Add a dependency",
    description: "Idempotent; the response names a dependency cycle the edge closes, if any.",
    params: z.object({ slug: slugParam, dependsOn: slugParam }),
    write: addDependency,
    input: ({ params }) => params,
    responses: { 200: { description: "The edge", schema: DependencyResultSchema } },
  }),
  writeRoute({
    method: "delete",
    path: "/services/{slug}/dependencies/{dependsOn}",
    tag,
    summary: "Remove a dependency",
    params: z.object({ slug: slugParam, dependsOn: slugParam }),
    write: removeDependency,
    input: ({ params }) => params,
    responses: { 200: { description: "Removed", schema: DependencyResultSchema } },
  }),
  readRoute({
    method: "get",
    path: "/services/{slug}/catalog-info.yaml",
    tag,
    summary: "One service as Backstage YAML",
    params: slug,
    read: serviceYamlRead,
    input: ({ params }) => params,
    respond: (body, { params }) => yaml(body, `${params.slug}.catalog-info.yaml`),
    responses: {
      200: { description: "catalog-info.yaml", mediaType: "application/yaml", schema: z.string() },
    },
  }),
  readRoute({
    method: "get",
    path: "/catalog-info.yaml",
    tag,
    summary: "The whole live catalog as Backstage YAML",
    description: "Components with their owning Groups, one multi-document file.",
    read: catalogYamlRead,
    input: () => ({}),
    respond: (body) => yaml(body, "catalog-info.yaml"),
    responses: {
      200: { description: "catalog-info.yaml", mediaType: "application/yaml", schema: z.string() },
    },
  }),
  {
    method: "post",
    path: "/catalog/import",
    tag,
    summary: "Import Backstage catalog-info.yaml",
    description:
      "One or many YAML documents. On an existing service only the fields the file states are replaced; the rest keep their Pharos values. `dryRun=true` previews every entity as create / update / unchanged / skipped / error without writing, each update with its fields before → after (`diff`) and what it removes (`warnings`: a dependency, link or owner removed, a tier lowered). A real run is all or nothing: 200 with the report; 400 with the per-entity report when an entity has errors; 409 when updates remove data and `confirmRemovals=true` was not given. Nothing is written unless it is 200.",
    permission: importCatalog.permission,
    query: importQuery,
    body: {
      kind: "text",
      mediaType: "application/yaml",
      schema: z.string(),
      maxBytes: MAX_IMPORT_BYTES,
      description: "catalog-info.yaml",
    },
    responses: { 200: { description: "The import report", schema: ImportReportSchema } },
    async handle(req) {
      const { actor, body } = req as unknown as { actor: never; body: string };
      const parsed = importQuery.safeParse(req.query);
      if (!parsed.success)
        return errorResponse({ code: "invalid", error: "dryRun and confirmRemovals are true or false." });
      const query = parsed.data;
      const result = query.dryRun
        ? await runQuery(importPreviewRead, actor, { yaml: body })
        : await executeCommand(importCatalog, actor, { yaml: body, confirmRemovals: query.confirmRemovals });
      if (!result.ok) return errorResponse(result);
      return json(query.dryRun ? { dryRun: true, ...result.data } : result.data);
    },
  },
];
