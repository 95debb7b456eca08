import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
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
import { services, users } from "./catalog";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const SLI_KINDS = ["ratio", "latency"] as const;
export type SliKind = (typeof SLI_KINDS)[number];
export const WINDOW_KINDS = ["rolling", "calendar"] as const;
export const ROLLING_DAYS = [7, 28, 30, 90] as const;
export const CALENDAR_UNITS = ["week", "month", "quarter"] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];
export const BUDGETING_METHODS = ["occurrences", "timeslices"] as const;
export type BudgetingMethod = (typeof BUDGETING_METHODS)[number];

/**
 * One SLO on one service. The definition columns are what `slo_versions` snapshots on every
 * change; status is never stored: it is computed from the counts at read time, so a changed
 * target recomputes everything without rewriting a bucket.
 */
export const slos = pgTable(
  "slos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    sliKind: text("sli_kind").$type<SliKind>().notNull(),
    /** Latency SLIs: a good event is a request under this many milliseconds (counted by the sender). */
    latencyThresholdMs: integer("latency_threshold_ms"),
    target: doublePrecision("target").notNull(),
    windowKind: text("window_kind").$type<(typeof WINDOW_KINDS)[number]>().notNull(),
    windowDays: integer("window_days"),
    calendarUnit: text("calendar_unit").$type<CalendarUnit>(),
    timeZone: text("time_zone").notNull().default("UTC"),
    budgeting: text("budgeting").$type<BudgetingMethod>().notNull().default("occurrences"),
    sliceMinutes: integer("slice_minutes"),
    sliceTarget: doublePrecision("slice_target"),
    /** Burn-rate alerts need at least this many events in each of a rule's windows, so near-empty windows never page. */
    minEvents: integer("min_events").notNull().default(50),
    version: integer("version").notNull().default(1),
    /**
     * When alert evaluation last saw the budget spent (remaining ≤ 0), null while it is not:
     * how `slo.budget_freeze.entered` and `.left` are told apart. Freeze itself is read live.
     */
    budgetExhaustedAt: at("budget_exhausted_at"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("slos_service_name_key").on(t.serviceId, sql`lower(${t.name})`),
    check("slos_target_range", sql`${t.target} > 0 and ${t.target} < 1`),
    check("slos_sli_kind", sql`${t.sliKind} in ('ratio', 'latency')`),
    check("slos_window_kind", sql`${t.windowKind} in ('rolling', 'calendar')`),
    check("slos_budgeting", sql`${t.budgeting} in ('occurrences', 'timeslices')`),
  ],
);

/** Every definition an SLO has had, in order: version 1 is the definition it was created with. */
export const sloVersions = pgTable(
  "slo_versions",
  {
    sloId: uuid("slo_id")
      .notNull()
      .references(() => slos.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    /** The fields that changed from the version before, by name. */
    changed: text("changed").array().notNull().default(sql`'{}'::text[]`),
    changedById: uuid("changed_by_id").references(() => users.id, { onDelete: "set null" }),
    changedByLabel: text("changed_by_label").notNull(),
    changedAt: at("changed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sloId, t.version] })],
);

/**
 * Counts per 5-minute bucket. On disk this table is partitioned by month (migration 0010 and
 * lib/slo/partitions.ts); drizzle only needs its columns.
 */
export const sliBuckets = pgTable(
  "sli_buckets",
  {
    sloId: uuid("slo_id")
      .notNull()
      .references(() => slos.id, { onDelete: "cascade" }),
    bucketStart: at("bucket_start").notNull(),
    good: bigint("good", { mode: "number" }).notNull(),
    total: bigint("total", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sloId, t.bucketStart] })],
);

/** Sums of `sli_buckets` per UTC hour, kept in step in the ingesting transaction. */
export const sliHourly = pgTable(
  "sli_hourly",
  {
    sloId: uuid("slo_id")
      .notNull()
      .references(() => slos.id, { onDelete: "cascade" }),
    hourStart: at("hour_start").notNull(),
    good: bigint("good", { mode: "number" }).notNull(),
    total: bigint("total", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sloId, t.hourStart] })],
);

/** Sums of `sli_buckets` per UTC day, kept in step in the ingesting transaction. */
export const sliDaily = pgTable(
  "sli_daily",
  {
    sloId: uuid("slo_id")
      .notNull()
      .references(() => slos.id, { onDelete: "cascade" }),
    dayStart: at("day_start").notNull(),
    good: bigint("good", { mode: "number" }).notNull(),
    total: bigint("total", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sloId, t.dayStart] })],
);

/**
 * An interval excluded from the budget: of one SLO, or of every SLO of a service. `rrule`
 * (RFC 5545, DTSTART included) repeats it; each occurrence lasts `durationMinutes`.
 */
export const budgetAdjustments = pgTable(
  "budget_adjustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sloId: uuid("slo_id").references(() => slos.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "cascade" }),
    startsAt: at("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    rrule: text("rrule"),
    reason: text("reason").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("budget_adjustments_slo_idx").on(t.sloId),
    index("budget_adjustments_service_idx").on(t.serviceId),
    check("budget_adjustments_one_target", sql`(${t.sloId} is null) <> (${t.serviceId} is null)`),
    check("budget_adjustments_duration", sql`${t.durationMinutes} > 0`),
  ],
);

export const ALERT_RULES = ["page_fast", "page_slow", "ticket"] as const;
export type AlertRuleId = (typeof ALERT_RULES)[number];

/** A burn-rate alert: open while `resolvedAt` is null; `numbers` are the figures that fired it. */
export const sloAlerts = pgTable(
  "slo_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sloId: uuid("slo_id")
      .notNull()
      .references(() => slos.id, { onDelete: "cascade" }),
    rule: text("rule").$type<AlertRuleId>().notNull(),
    severity: text("severity").$type<"page" | "ticket">().notNull(),
    firedAt: at("fired_at").notNull(),
    resolvedAt: at("resolved_at"),
    numbers: jsonb("numbers").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("slo_alerts_slo_idx").on(t.sloId, t.firedAt),
    // At most one open alert per SLO and rule: evaluation on two nodes cannot both fire it.
    uniqueIndex("slo_alerts_open_key").on(t.sloId, t.rule).where(sql`${t.resolvedAt} is null`),
  ],
);

export type Slo = typeof slos.$inferSelect;
export type BudgetAdjustment = typeof budgetAdjustments.$inferSelect;
export type SloAlert = typeof sloAlerts.$inferSelect;
