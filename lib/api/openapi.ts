import { z } from "zod";
import { createTeam } from "@/lib/admin/team-commands";
import { createUser, updateUser } from "@/lib/admin/user-commands";
import { createToken } from "@/lib/auth/token-commands";
import { createServiceInput, updateServiceInput } from "@/lib/catalog/schemas";

/** Request bodies come from the same zod schemas the commands validate with, so the document cannot drift. */
const schema = (s: z.ZodType) =>
  z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "openapi-3.0" });

const error = { $ref: "#/components/schemas/Error" };
const page = (item: string) => ({
  type: "object",
  properties: {
    items: { type: "array", items: { $ref: `#/components/schemas/${item}` } },
    total: { type: "integer" },
    page: { type: "integer" },
    pageSize: { type: "integer" },
  },
});
const json = (s: object) => ({ content: { "application/json": { schema: s } } });
const failures = {
  400: { description: "Invalid input", ...json(error) },
  401: { description: "Missing or invalid token", ...json(error) },
  403: { description: "Role or token scope does not allow it", ...json(error) },
  404: { description: "Not found", ...json(error) },
  409: { description: "Conflict", ...json(error) },
};
const listParams = [
  "q",
  "team",
  "tier",
  "lifecycle",
  "domain",
  "tag",
  "level",
  "stale",
  "mine",
  "archived",
  "sort",
  "page",
  "pageSize",
].map((name) => ({
  name,
  in: "query",
  schema: { type: name === "page" || name === "pageSize" ? "integer" : "string" },
}));
const slug = { name: "slug", in: "path", required: true, schema: { type: "string" } };

export function openApiDocument() {
  return {
    openapi: "3.0.3",
    info: {
      title: "Pharos API",
      version: "1",
      description: "Send `Authorization: Bearer <token>`. Errors are `{error: {code, message, fields}}`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "string" } },
                details: {},
              },
            },
          },
        },
        Service: {
          type: "object",
          properties: Object.fromEntries(
            [
              "slug",
              "name",
              "description",
              "ownerTeam",
              "tier",
              "lifecycle",
              "domain",
              "repoUrl",
              "runbookUrl",
              "onCall",
              "system",
              "businessDomain",
              "scorecardLevel",
              "lastDrTestAt",
              "verifiedAt",
            ].map((k) => [k, { type: "string", nullable: true }]),
          ),
        },
        ServiceCreate: schema(createServiceInput),
        ServiceUpdate: schema(updateServiceInput.omit({ slug: true })),
        Team: {
          type: "object",
          properties: {
            slug: { type: "string" },
            name: { type: "string" },
            description: { type: "string" },
            members: { type: "integer" },
            services: { type: "integer" },
          },
        },
        TeamCreate: schema(createTeam.input),
        UserCreate: schema(createUser.input),
        UserUpdate: schema(updateUser.input),
        TokenCreate: schema(createToken.input),
      },
    },
    paths: {
      "/services": {
        get: {
          summary: "List services (filters, full-text `q`, `facets=true`)",
          parameters: [...listParams, { name: "facets", in: "query", schema: { type: "boolean" } }],
          responses: { 200: { description: "A page", ...json(page("Service")) }, ...failures },
        },
        post: {
          summary: "Register a service",
          requestBody: json({ $ref: "#/components/schemas/ServiceCreate" }),
          responses: {
            201: { description: "Created", ...json({ $ref: "#/components/schemas/Service" }) },
            ...failures,
          },
        },
      },
      "/services/facets": {
        get: {
          summary: "Facet counts under the list filters",
          parameters: listParams,
          responses: { 200: { description: "Counts per facet value" }, ...failures },
        },
      },
      "/services/{slug}": {
        get: {
          summary: "One service",
          parameters: [slug],
          responses: {
            200: { description: "The service", ...json({ $ref: "#/components/schemas/Service" }) },
            ...failures,
          },
        },
        patch: {
          summary: "Change fields; `archived: true|false` archives or restores",
          parameters: [slug],
          requestBody: json({
            allOf: [
              { $ref: "#/components/schemas/ServiceUpdate" },
              { type: "object", properties: { archived: { type: "boolean" } } },
            ],
          }),
          responses: { 200: { description: "The service" }, ...failures },
        },
      },
      "/services/{slug}/verify": {
        post: {
          summary: "Mark the entry verified today",
          parameters: [slug],
          responses: { 200: { description: "Verified" }, ...failures },
        },
      },
      "/services/{slug}/dependencies/{dependsOnSlug}": {
        put: {
          summary: "Add a dependency (idempotent; reports a cycle it closes)",
          parameters: [slug, { ...slug, name: "dependsOnSlug" }],
          responses: { 200: { description: "Added" }, ...failures },
        },
        delete: {
          summary: "Remove a dependency",
          parameters: [slug, { ...slug, name: "dependsOnSlug" }],
          responses: { 200: { description: "Removed" }, ...failures },
        },
      },
      "/services/{slug}/catalog-info.yaml": {
        get: {
          summary: "Backstage export of one service",
          parameters: [slug],
          responses: { 200: { description: "YAML", content: { "application/yaml": {} } }, ...failures },
        },
      },
      "/catalog-info.yaml": {
        get: {
          summary: "Backstage export of the whole catalog",
          responses: { 200: { description: "YAML", content: { "application/yaml": {} } } },
        },
      },
      "/catalog/import": {
        post: {
          summary: "Import Backstage catalog-info.yaml (all or nothing; `dryRun=true` previews)",
          parameters: [{ name: "dryRun", in: "query", schema: { type: "boolean" } }],
          requestBody: { content: { "application/yaml": { schema: { type: "string" } } } },
          responses: { 200: { description: "Per-entity report" }, ...failures },
        },
      },
      "/teams": {
        get: {
          summary: "Teams with member and service counts",
          responses: { 200: { description: "A page", ...json(page("Team")) } },
        },
        post: {
          summary: "Create a team (admin)",
          requestBody: json({ $ref: "#/components/schemas/TeamCreate" }),
          responses: { 201: { description: "Created" }, ...failures },
        },
      },
      "/teams/{slug}/members": {
        post: {
          summary: "Add a member (admin)",
          parameters: [slug],
          responses: { 201: { description: "Added" }, ...failures },
        },
      },
      "/users": {
        get: { summary: "Users (admin)", responses: { 200: { description: "A page" }, ...failures } },
        post: {
          summary: "Create or invite a user (admin)",
          requestBody: json({ $ref: "#/components/schemas/UserCreate" }),
          responses: { 201: { description: "Created" }, ...failures },
        },
      },
      "/users/{id}": {
        patch: {
          summary: "Change name/role or `active`",
          parameters: [{ ...slug, name: "id" }],
          requestBody: json({ $ref: "#/components/schemas/UserUpdate" }),
          responses: { 200: { description: "The user" }, ...failures },
        },
      },
      "/tokens": {
        get: {
          summary: "Your API tokens (`all=true` for admins)",
          responses: { 200: { description: "Tokens" } },
        },
        post: {
          summary: "Create a token (shown once)",
          requestBody: json({ $ref: "#/components/schemas/TokenCreate" }),
          responses: { 201: { description: "Created" }, ...failures },
        },
      },
      "/tokens/{id}": {
        delete: {
          summary: "Revoke a token",
          parameters: [{ ...slug, name: "id" }],
          responses: { 200: { description: "Revoked" }, ...failures },
        },
      },
      "/audit": {
        get: { summary: "Audit log (admin)", responses: { 200: { description: "A page" }, ...failures } },
      },
      "/me": { get: { summary: "The token's user and scopes", responses: { 200: { description: "You" } } } },
    },
  };
}
