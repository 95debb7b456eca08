import { z } from "zod";
import { LIFECYCLES, SERVICE_DOMAINS, TIERS } from "@/db/schema/enums";
import { slugField } from "@/lib/admin/schemas";
import { dateField } from "@/lib/validation/date";
import { integer } from "@/lib/validation/number";
import { line, paragraph } from "@/lib/validation/text";

const httpUrl = (label: string) =>
  line(2048, { label }).refine((v) => {
    try {
      return ["http:", "https:"].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `${label} must be a full http(s) URL, e.g. https://example.com/x.`);

export const linkSchema = z.object({
  title: line(120, { label: "A link title", required: "Each link needs a title." }),
  url: httpUrl("A link"),
  kind: line(40, { label: "A link kind" }).optional(),
});

/**
 * Links as the API sends them (an array), as the form's link rows send them (that array as
 * JSON text), or as "Title | https://url | kind" lines (scripts and older forms).
 */
const linksField = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    if (v.trimStart().startsWith("[")) {
      try {
        return JSON.parse(v);
      } catch {
        return v; // Not JSON after all: the array schema says what is wrong.
      }
    }
    return v
      .split("\n")
      .map((row) => row.trim())
      .filter(Boolean)
      .map((row) => {
        const [a, b, c] = row.split("|").map((p) => p.trim());
        return b ? { title: a, url: b, kind: c || undefined } : { title: a, url: a };
      });
  },
  z.array(linkSchema).max(30, "At most 30 links."),
);

const tagField = z
  .string()
  .trim()
  .toLowerCase()
  .max(40, "Tags are at most 40 characters.")
  .regex(/^[a-z0-9][a-z0-9:+#._-]*$/, "Tags use lowercase letters, digits and - _ . : + #.");

/** Comma- or space-separated in a form, an array in the API. */
const tagsField = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
  z
    .array(tagField)
    .max(20, "At most 20 tags.")
    .transform((tags) => [...new Set(tags)]),
);

const minutes = integer({
  min: 0,
  max: 525_600,
  notANumber: "Use a whole number of minutes, e.g. 60.",
  notWhole: "Use whole minutes.",
  tooSmall: "Cannot be negative.",
  tooLarge: "At most a year.",
});

const pastDate = dateField().refine(
  (d) => d.getTime() <= Date.now() + 86_400_000,
  "A DR test date cannot be in the future.",
);

/** In forms an emptied field arrives as "" and means "clear it"; absent means "leave it". */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? null : v), schema.nullable().optional());

const editable = {
  name: line(120, { label: "Name", required: "Name is required." }).optional(),
  description: paragraph(4000, { label: "Description" }).optional(),
  ownerTeam: z.preprocess((v) => (v === "" ? undefined : v), slugField.optional()),
  tier: z.enum(TIERS, { message: "Tier must be tier0, tier1, tier2 or tier3." }).optional(),
  lifecycle: z
    .enum(LIFECYCLES, { message: "Lifecycle must be experimental, production or deprecated." })
    .optional(),
  domain: z
    .enum(SERVICE_DOMAINS, { message: `Domain must be one of ${SERVICE_DOMAINS.join(", ")}.` })
    .optional(),
  repoUrl: clearable(httpUrl("Repository")),
  runbookUrl: clearable(httpUrl("Runbook")),
  onCall: clearable(line(200, { label: "On-call" })),
  links: linksField.optional(),
  tags: tagsField.optional(),
  rtoMinutes: clearable(minutes),
  rpoMinutes: clearable(minutes),
  lastDrTestAt: clearable(pastDate),
  system: clearable(line(100, { label: "System" })),
  businessDomain: clearable(line(100, { label: "Business domain" })),
  dependsOn: z.array(slugField).max(200, "At most 200 dependencies.").optional(),
};

/**
 * The service fields stored as columns of `services` — every editable field but the owner
 * and the dependencies, which live in their own tables. Derived from the schema, so a new
 * field is one change here and the commands and the patch diff follow it.
 */
export const SERVICE_COLUMN_FIELDS = Object.keys(editable).filter(
  (key): key is Exclude<keyof typeof editable, "ownerTeam" | "dependsOn"> =>
    key !== "ownerTeam" && key !== "dependsOn",
);

export type ServiceColumnField = (typeof SERVICE_COLUMN_FIELDS)[number];

/** Static routes under /services would shadow a service with these slugs. */
export const RESERVED_SLUGS = ["new", "import", "facets"];

export const createServiceInput = z.object({
  ...editable,
  slug: slugField.refine((s) => !RESERVED_SLUGS.includes(s), "This slug is reserved; choose another."),
  name: line(120, { label: "Name", required: "Name is required." }),
  ownerTeam: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string({ error: "Choose the owning team." }).pipe(slugField),
  ),
});

/**
 * Slugs never change (URLs and integrations depend on them); everything else may. Strict,
 * so a misspelt field (`teir`) is refused by name instead of being dropped unnoticed.
 */
export const updateServiceInput = z.strictObject({ ...editable, slug: slugField });

/** The REST PATCH: any service field, plus archiving or restoring, in one request. */
export const patchServiceInput = z.strictObject({
  ...editable,
  slug: slugField,
  archived: z.boolean({ error: "Must be true or false." }).optional(),
});

export type CreateServiceInput = z.output<typeof createServiceInput>;
export type UpdateServiceInput = z.output<typeof updateServiceInput>;
export type PatchServiceInput = z.output<typeof patchServiceInput>;
/** The part of an update that lands in `services` columns (see SERVICE_COLUMN_FIELDS). */
export type ServiceColumnsInput = Omit<UpdateServiceInput, "slug" | "ownerTeam" | "dependsOn">;
