import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./catalog";

/** What a person chose for themselves once and expects to find again on any device. */
export const userPreferences = pgTable("user_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** The catalog table's columns in order; null until the person picks their own. */
  catalogColumns: text("catalog_columns").array(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A named list page: its filters as the URL's query string (so opening a view is following
 * a link) and its columns. Private to its owner, or shared with one team's members.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Which list it belongs to; the incident and change lists will add theirs. */
    list: text("list").notNull(),
    name: text("name").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Null: private to the owner. */
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    query: text("query").notNull(),
    columns: text("columns").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("saved_views_owner_name_idx").on(t.ownerId, t.list, sql`lower(${t.name})`),
    index("saved_views_team_idx").on(t.teamId),
    check("saved_views_list_check", sql`${t.list} in ('catalog')`),
  ],
);

export type SavedView = typeof savedViews.$inferSelect;
