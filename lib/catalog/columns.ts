// Shared with client components (the column chooser): no zod here, or every catalog visit
// downloads it. The input schema lives with the views that store a choice (lib/views/schemas.ts).

/**
 * The catalog table's optional columns, in their display order; Service is always shown.
 * A person's choice is kept (user_preferences) and a saved view carries its own.
 */
export const CATALOG_COLUMNS = ["owner", "tier", "level", "verified", "lifecycle", "domain", "tags"] as const;
export type CatalogColumn = (typeof CATALOG_COLUMNS)[number];

export const COLUMN_LABELS: Record<CatalogColumn, string> = {
  owner: "Owner",
  tier: "Tier",
  level: "Readiness",
  verified: "Verified",
  lifecycle: "Lifecycle",
  domain: "Domain",
  tags: "Tags",
};

export const DEFAULT_COLUMNS: readonly CatalogColumn[] = ["owner", "tier", "level", "verified"];

/** `owner,tier` from a URL: unknown names are dropped; nothing usable means "not given". */
export function parseColumnsParam(text: string | undefined): CatalogColumn[] | undefined {
  if (!text) return undefined;
  const asked = text.split(",").map((c) => c.trim());
  const cols = CATALOG_COLUMNS.filter((c) => asked.includes(c));
  return cols.length ? cols : undefined;
}
