import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PlanRow } from "@/lib/catalog/import/plan";
import { users } from "./catalog";

export const LOCATION_RESULTS = ["applied", "held", "failed", "unchanged"] as const;
export type LocationResult = (typeof LOCATION_RESULTS)[number];

/** What a held or failed refresh would have done, kept so reviewers see the diff (no entity payloads). */
export type LocationPlan = { rows: PlanRow[]; counts: Record<string, number>; warnings: number };

/**
 * A registered catalog-info.yaml URL, refreshed on a schedule and on demand (see
 * lib/catalog/locations). The header value is a credential: it is only ever read to send
 * it, never selected into what a page, the API or the audit log shows.
 */
export const catalogLocations = pgTable(
  "catalog_locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    url: text("url").notNull().unique(),
    headerName: text("header_name"),
    headerValue: text("header_value"),
    /** Scheduled refreshes import with this person's rights, re-read at every tick. */
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    lastResult: text("last_result").$type<LocationResult>(),
    lastResultAt: timestamp("last_result_at", { withTimezone: true }),
    lastError: text("last_error"),
    lastCounts: jsonb("last_counts").$type<Record<string, number>>(),
    /** The held (or failed) refresh's plan, for review. */
    lastPlan: jsonb("last_plan").$type<LocationPlan>(),
    /** The file a held refresh fetched: "Apply" imports exactly what was reviewed, not a new fetch. */
    heldYaml: text("held_yaml"),
    heldHash: text("held_hash"),
    /** When the file was last fetched; the schedule picks the oldest. */
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    /** Set by the node whose tick took this location, so another node's tick takes the next one. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("catalog_locations_checked_idx").on(t.checkedAt)],
);

export type CatalogLocation = typeof catalogLocations.$inferSelect;
