import { z } from "zod";
import { LIFECYCLES, SERVICE_DOMAINS, TIERS } from "@/db/schema/enums";
import { slugField } from "@/lib/admin/schemas";

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2048, `${label} must be at most 2,048 characters.`)
    .refine((v) => {
      try {
        return ["http:", "https:"].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `${label} must be a full http(s) URL, e.g. https://example.com/x.`);

export const linkSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Each link needs a title.")
    .max(120, "Link titles are at most 120 characters."),
  url: httpUrl("A link"),
  kind: z.string().trim().max(40).optional(),
});

/** "Title | https://url | kind" per line (the form's textarea), or already an array (the API). */
const linksField = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    return v
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [a, b, c] = line.split("|").map((p) => p.trim());
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

const minutes = z.coerce
  .number()
  .int("Use whole minutes.")
  .min(0, "Cannot be negative.")
  .max(525_600, "At most a year.");

const pastDate = z.coerce
  .date({ message: "Use a date like 2026-03-31." })
  .refine((d) => d.getTime() <= Date.now() + 86_400_000, "A DR test date cannot be in the future.");

/**
 * In forms an emptied field arrives as "" and means "clear it"; absent means "leave it".
 * null is tried first: the coercing schemas would otherwise read it as 0 or 1970-01-01.
 */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? null : v), z.union([z.null(), schema]).optional());

const editable = {
  name: z
    .string()
    .trim()
    .min(1, "Name is required.")
    .max(120, "Name must be at most 120 characters.")
    .optional(),
  description: z.string().trim().max(4000, "Description must be at most 4,000 characters.").optional(),
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
  onCall: clearable(z.string().trim().max(200, "On-call must be at most 200 characters.")),
  links: linksField.optional(),
  tags: tagsField.optional(),
  rtoMinutes: clearable(minutes),
  rpoMinutes: clearable(minutes),
  lastDrTestAt: clearable(pastDate),
  system: clearable(z.string().trim().max(100, "At most 100 characters.")),
  businessDomain: clearable(z.string().trim().max(100, "At most 100 characters.")),
  dependsOn: z.array(slugField).max(200, "At most 200 dependencies.").optional(),
};

/** Static routes under /services would shadow a service with these slugs. */
export const RESERVED_SLUGS = ["new", "import", "facets"];

export const createServiceInput = z.object({
  ...editable,
  slug: slugField.refine((s) => !RESERVED_SLUGS.includes(s), "This slug is reserved; choose another."),
  name: z.string().trim().min(1, "Name is required.").max(120, "Name must be at most 120 characters."),
  ownerTeam: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string({ error: "Choose the owning team." }).pipe(slugField),
  ),
});

/** Slugs never change (URLs and integrations depend on them); everything else may. */
export const updateServiceInput = z.object({ ...editable, slug: slugField });

export type CreateServiceInput = z.output<typeof createServiceInput>;
export type UpdateServiceInput = z.output<typeof updateServiceInput>;
