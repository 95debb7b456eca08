import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { lifecycleEnum, roleEnum, serviceDomainEnum, tierEnum } from "./enums";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored lower-cased; the unique index is on the stored value. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull().default("viewer"),
    /** Null for SSO-only and invited-but-not-yet-joined users. */
    passwordHash: text("password_hash"),
    authProvider: text("auth_provider").notNull().default("password"),
    /** Bumped on deactivation and password change so every existing session stops at once. */
    sessionVersion: integer("session_version").notNull().default(1),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A lead is the team's point of contact; permissions come from the user's role. */
    memberRole: text("member_role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

export type ServiceLink = { title: string; url: string; kind?: string };

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    ownerTeamId: uuid("owner_team_id").references(() => teams.id, { onDelete: "restrict" }),
    tier: tierEnum("tier").notNull().default("tier2"),
    lifecycle: lifecycleEnum("lifecycle").notNull().default("production"),
    domain: serviceDomainEnum("domain").notNull().default("application"),
    repoUrl: text("repo_url"),
    runbookUrl: text("runbook_url"),
    onCall: text("on_call"),
    links: jsonb("links").$type<ServiceLink[]>().notNull().default([]),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** Backstage `System` and `Domain` the service belongs to (groupings, not entities of their own). */
    system: text("system"),
    businessDomain: text("business_domain"),
    /** Annotations kept from a Backstage import so an export gives them back. */
    annotations: jsonb("annotations").$type<Record<string, string>>().notNull().default({}),
    /** Production-readiness level, recomputed on every write and hourly (see lib/catalog/scorecard.ts). */
    scorecardLevel: text("scorecard_level").$type<ScorecardLevel>().notNull().default("none"),
    scorecardPassed: integer("scorecard_passed").notNull().default(0),
    scorecardApplicable: integer("scorecard_applicable").notNull().default(0),
    scorecardCheckedAt: timestamp("scorecard_checked_at", { withTimezone: true }),
    rtoMinutes: integer("rto_minutes"),
    rpoMinutes: integer("rpo_minutes"),
    lastDrTestAt: timestamp("last_dr_test_at", { withTimezone: true }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("services_owner_team_idx").on(t.ownerTeamId),
    index("services_tier_idx").on(t.tier),
    index("services_lifecycle_idx").on(t.lifecycle),
    index("services_domain_idx").on(t.domain),
    index("services_level_idx").on(t.scorecardLevel),
    index("services_tags_idx").using("gin", t.tags),
    index("services_name_idx").on(t.name),
    // The catalog as people see it (not archived, by name): its first page reads the index in
    // order, and its total is an index-only count instead of a scan of the whole table.
    // id breaks ties between equal names, so pages never repeat or skip a service.
    index("services_active_name_idx").on(t.name, t.id).where(sql`${t.archivedAt} is null`),
    // The live catalog's facet columns: facet counts are an index-only scan, not a table scan.
    index("services_live_facets_idx")
      .on(t.lifecycle, t.tier, t.domain, t.scorecardLevel)
      .where(sql`${t.archivedAt} is null`),
    // Full-text search over the stored search document (migration 0006 adds the generated
    // "search_vector" column; it stays out of the columns above so no insert or select names
    // it). Ranking reads the stored vector instead of re-parsing every matching row's text.
    index("services_search_idx").using("gin", sql`"search_vector"`),
  ],
);

export const SCORECARD_LEVELS = ["none", "bronze", "silver", "gold"] as const;
export type ScorecardLevel = (typeof SCORECARD_LEVELS)[number];

/** Directed edge: `serviceId` depends on `dependsOnId`. Cycles are allowed (and shown), self-edges are not. */
export const serviceDependencies = pgTable(
  "service_dependencies",
  {
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    dependsOnId: uuid("depends_on_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.dependsOnId] }),
    index("service_dependencies_depends_on_idx").on(t.dependsOnId),
    check("service_dependencies_no_self_edge", sql`${t.serviceId} <> ${t.dependsOnId}`),
  ],
);

export type Team = typeof teams.$inferSelect;
export type User = typeof users.$inferSelect;
export type Service = typeof services.$inferSelect;

/**
 * One row. `graph_version` (the catalog's version) is bumped by statement triggers on
 * services and service_dependencies (migration 0002) and teams (0003), so every process can
 * tell in one cheap read whether its in-memory graph and cached facet counts are current.
 */
export const catalogState = pgTable("catalog_state", {
  id: integer("id").primaryKey(),
  graphVersion: bigint("graph_version", { mode: "number" }).notNull().default(0),
});
