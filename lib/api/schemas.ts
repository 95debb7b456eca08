import { z } from "zod";
import { SCORECARD_LEVELS } from "@/db/schema/catalog";
import { LIFECYCLES, ROLES, SERVICE_DOMAINS, TIERS } from "@/db/schema/enums";
import { FACETS } from "@/lib/catalog/queries";

/*
 * What the API answers, as zod schemas: the OpenAPI document is generated from these, and
 * the route tests parse real responses with them, so the document cannot drift from the code.
 */

const time = z.iso.datetime({ offset: true }).describe("ISO 8601 time");
const nullableTime = time.nullable();

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe("invalid, unauthorized, forbidden, not_found, conflict, too_large, method_not_allowed, …"),
      message: z.string(),
      fields: z.record(z.string(), z.string()).describe("per-field messages, keyed by the field's path"),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .meta({ id });
}

export const ServiceSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    ownerTeam: z.string().nullable(),
    tier: z.enum(TIERS),
    lifecycle: z.enum(LIFECYCLES),
    domain: z.enum(SERVICE_DOMAINS),
    repoUrl: z.string().nullable(),
    runbookUrl: z.string().nullable(),
    onCall: z.string().nullable(),
    links: z.array(z.object({ title: z.string(), url: z.string() })),
    tags: z.array(z.string()),
    dependsOn: z.array(z.string()).describe("slugs of the services this one depends on"),
    rtoMinutes: z.number().int().nullable(),
    rpoMinutes: z.number().int().nullable(),
    lastDrTestAt: z.string().nullable(),
    verifiedAt: nullableTime,
    system: z.string().nullable(),
    businessDomain: z.string().nullable(),
    annotations: z.record(z.string(), z.string()),
    scorecardLevel: z.enum(SCORECARD_LEVELS),
    archived: z.boolean(),
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: "Service" });

const FacetSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const FacetsSchema = z
  .object(Object.fromEntries(FACETS.map((f) => [f, z.array(FacetSchema).optional()])))
  .meta({ id: "Facets" });

export const ServicePageSchema = pageOf(ServiceSchema, "ServicePage").extend({
  similar: z
    .literal(true)
    .optional()
    .describe("full-text search found nothing; these are the services with the most similar names"),
  facets: FacetsSchema.optional(),
});

export const DependencyResultSchema = z
  .object({
    slug: z.string(),
    dependsOn: z.string(),
    created: z.boolean().optional(),
    removed: z.boolean().optional(),
    cycle: z
      .array(z.string())
      .nullable()
      .optional()
      .describe("the dependency cycle this edge closes, if any"),
  })
  .meta({ id: "DependencyResult" });

export const TeamSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    members: z.number().int().optional(),
    services: z.number().int().optional(),
  })
  .meta({ id: "Team" });

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    authProvider: z.string().optional(),
    hasPassword: z.boolean().optional(),
    deactivatedAt: nullableTime.optional(),
    lastLoginAt: nullableTime.optional(),
    createdAt: time.optional(),
    updatedAt: time.optional(),
  })
  .meta({ id: "User" });

export const MeSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    scopes: z.array(z.string()),
  })
  .meta({ id: "Me" });

export const TokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    expiresAt: nullableTime,
    lastUsedAt: nullableTime.optional(),
    revokedAt: nullableTime.optional(),
    createdAt: time.optional(),
    userId: z.uuid().optional(),
    ownerEmail: z.string().optional(),
    mintedByUserId: z.uuid().nullable().optional().describe("the admin who minted it for its owner"),
    mintedByEmail: z.string().nullable().optional(),
    token: z.string().optional().describe("the secret itself: present once, in the response that created it"),
  })
  .meta({ id: "Token" });

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: time,
    actorUserId: z.uuid().nullable(),
    actorLabel: z.string(),
    via: z.string(),
    tokenId: z.uuid().nullable(),
    mintedByUserId: z
      .uuid()
      .nullable()
      .optional()
      .describe("when acting through an admin-minted token: that admin"),
    mintedByLabel: z.string().nullable().optional(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEntry" });

const PlanRowSchema = z.object({
  ref: z.string(),
  kind: z.string(),
  action: z.enum(["create", "update", "unchanged", "skipped", "error"]),
  reason: z.string().optional(),
  changes: z.array(z.string()).optional(),
  diff: z
    .array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() }))
    .optional()
    .describe("an update's fields, before → after"),
  warnings: z.array(z.string()).optional().describe("what an update removes; applied only when confirmed"),
});

export const ImportReportSchema = z
  .object({
    dryRun: z.boolean().optional(),
    rows: z.array(PlanRowSchema),
    warnings: z.number().int().optional().describe("how many updates remove data"),
  })
  .loose()
  .meta({ id: "ImportReport" });

export const LocationSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    headerName: z.string().nullable(),
    headerSet: z.boolean().describe("whether a header value is stored; the value itself is never answered"),
    registeredBy: z.string().nullable(),
    lastResult: z
      .enum(["applied", "held", "failed", "unchanged"])
      .nullable()
      .describe("null until the first refresh"),
    lastResultAt: nullableTime,
    checkedAt: nullableTime.describe("when the file was last fetched"),
    lastError: z.string().nullable(),
    counts: z.record(z.string(), z.number().int()).nullable(),
    plan: z
      .object({
        rows: z.array(PlanRowSchema),
        counts: z.record(z.string(), z.number().int()),
        warnings: z.number().int(),
      })
      .nullable()
      .describe("the dry run of a held or failed refresh, for review"),
    heldHash: z
      .string()
      .nullable()
      .describe("the held file's SHA-256; pass it to apply exactly what was reviewed"),
    createdAt: time,
  })
  .meta({ id: "CatalogLocation" });

export const SessionSchema = z
  .object({
    id: z.uuid(),
    device: z.string().describe("browser and system, from the User-Agent"),
    userAgent: z.string(),
    address: z.string().nullable(),
    method: z.string().describe("password or oidc"),
    signedInAt: time,
    lastSeenAt: time,
    expiresAt: time,
    current: z.boolean(),
  })
  .meta({ id: "Session" });
