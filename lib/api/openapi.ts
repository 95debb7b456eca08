import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { Route } from "./define-route";
import { ErrorSchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document, generated from the route table: every path, parameter, body,
 * response, permission and token scope comes from the one declaration of each route
 * (zod's own JSON Schema output is the 2020-12 dialect OpenAPI 3.1 uses).
 */
export function openApiDocument(routes: readonly Route[]) {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: z.ZodType, io: "input" | "output") => toSchema(schema, io, components);
  const error = convert(ErrorSchema, "output");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const scope = PERMISSIONS[route.permission].scope;
    const failures: Record<string, string> = {
      400: "Invalid input (the `fields` name what is wrong)",
      401: "Missing, unknown, expired or revoked token",
      403: "The owner's role or the token's scopes do not allow it",
      404: "Not found",
      ...(route.method === "get" ? {} : { 409: "Conflict with the current state" }),
      ...(route.body ? { 413: `Body over ${route.body.maxBytes.toLocaleString("en")} bytes` } : {}),
    };
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema
          ? {
              content: { [spec.mediaType ?? "application/json"]: { schema: convert(spec.schema, "output") } },
            }
          : {}),
        ...(spec.headers
          ? { headers: Object.fromEntries(spec.headers.map((h) => [h, { schema: { type: "string" } }])) }
          : {}),
      };
    }
    for (const [status, description] of Object.entries(failures)) {
      responses[status] ??= { description, content: { "application/json": { schema: error } } };
    }
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      operationId: operationId(route),
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security: scope === "any" ? [{ bearer: [] }] : [{ bearer: [scope] }],
      "x-pharos-permission": route.permission,
      "x-pharos-scope": scope,
      parameters: [
        ...parameters(route.params, "path", convert),
        ...parameters(route.query, "query", convert),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              ...(route.body.description ? { description: route.body.description } : {}),
              content: {
                [route.body.mediaType ?? "application/json"]: { schema: convert(route.body.schema, "input") },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Pharos API",
      version: "1",
      description:
        "Send `Authorization: Bearer <token>`. Each operation names the token scope it needs (`x-pharos-scope`) and the role permission behind it (`x-pharos-permission`); a token never exceeds its owner's role. Errors are `{error: {code, message, fields}}`.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal API token (`pharos_…`). Scopes: `<resource>:read|write` for catalog, slo, incidents, changes, people, reports, admin; `read`/`write` for every resource but admin; `admin` for all; `slo:measurements` to push SLO measurements only.",
        },
      },
      schemas: components,
    },
    paths,
  };
}

function operationId(route: Route) {
  const words = route.path
    .split("/")
    .filter(Boolean)
    .map((part) =>
      part.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string) => (c ?? "").toUpperCase()),
    );
  return [route.method, ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join("");
}

function parameters(
  schema: z.ZodObject | undefined,
  where: "path" | "query",
  convert: (s: z.ZodType, io: "input" | "output") => JsonSchema,
) {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = convert(field as z.ZodType, "input");
    const { description, ...rest } = json;
    return {
      name,
      in: where,
      required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** One schema as JSON Schema; schemas with an id become shared components referenced by `$ref`. */
function toSchema(
  schema: z.ZodType,
  io: "input" | "output",
  components: Record<string, JsonSchema>,
): JsonSchema {
  const raw = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  const { $schema: _s, $defs, ...top } = raw as JsonSchema & { $defs?: Record<string, JsonSchema> };
  for (const [id, def] of Object.entries($defs ?? {})) components[id] ??= relink(def);
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  if (!id) return relink(top);
  components[id] ??= relink(top);
  return { $ref: `#/components/schemas/${id}` };
}

function relink(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/'));
}
