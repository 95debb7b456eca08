/** How the audit log puts an entity into words. Pure: the names come from audit-entities.ts. */

/** What an audit row's entity is called now, and where it lives in the app when it has a page. */
export type EntityName = { label: string; detail?: string; href?: string };

/**
 * An audit row's entity as the log shows it. `name` is null when the type is one the log
 * names but the row is gone (`deleted`), or a type it does not name at all.
 */
export type AuditEntity = { type: string; id: string; name: EntityName | null; deleted: boolean };

const TYPE_LABELS: Record<string, string> = {
  service: "Service",
  team: "Team",
  user: "User",
  user_preference: "User preferences",
  api_token: "API token",
  saved_view: "Saved view",
  session: "Session",
  catalog: "Catalog",
  catalog_location: "Catalog location",
  organisation: "Organisation",
};

/** An entity type in words ("api_token" → "API token"); a type not listed shows as stored. */
export function entityTypeLabel(type: string): string {
  return Object.hasOwn(TYPE_LABELS, type) ? TYPE_LABELS[type] : type;
}
