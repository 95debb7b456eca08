import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
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
const inList = (column: SQL | AnyPgColumn, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;

export const SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const INCIDENT_STATUSES = [
  "open",
  "mitigated",
  "resolved",
  "closed",
  "cancelled",
  "duplicate",
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** The lifecycle's timestamps in the order DESIGN.md requires them to be. */
export const INCIDENT_TIMES = [
  "impactStartedAt",
  "detectedAt",
  "declaredAt",
  "acknowledgedAt",
  "mitigatedAt",
  "resolvedAt",
  "closedAt",
] as const;
export type IncidentTime = (typeof INCIDENT_TIMES)[number];
const TIME_COLUMNS: Record<IncidentTime, string> = {
  impactStartedAt: "impact_started_at",
  detectedAt: "detected_at",
  declaredAt: "declared_at",
  acknowledgedAt: "acknowledged_at",
  mitigatedAt: "mitigated_at",
  resolvedAt: "resolved_at",
  closedAt: "closed_at",
};

/**
 * Every pair of lifecycle times in order, whichever are set: the database's backstop for
 * the rule the commands explain in words (a missing acknowledgement must not let a
 * resolution slip before the declaration).
 */
const timesInOrder = sql.raw(
  INCIDENT_TIMES.flatMap((a, i) =>
    INCIDENT_TIMES.slice(i + 1).map(
      (b) =>
        `(${TIME_COLUMNS[a]} is null or ${TIME_COLUMNS[b]} is null or ${TIME_COLUMNS[a]} <= ${TIME_COLUMNS[b]})`,
    ),
  ).join(" and "),
);

export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The short reference people say aloud: INC-42. */
    number: integer("number").generatedAlwaysAsIdentity().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    severity: text("severity").$type<Severity>().notNull(),
    status: text("status").$type<IncidentStatus>().notNull().default("open"),
    commanderId: uuid("commander_id").references(() => users.id, { onDelete: "set null" }),
    /** A short cause label given at resolution ("expired certificate"): what problem suggestions group on. */
    cause: text("cause"),
    duplicateOfId: uuid("duplicate_of_id").references((): AnyPgColumn => incidents.id, {
      onDelete: "set null",
    }),
    problemId: uuid("problem_id").references((): AnyPgColumn => problems.id, { onDelete: "set null" }),
    /** The change that caused it; the reference to change requests arrives with them. */
    causedByChangeId: uuid("caused_by_change_id"),
    impactStartedAt: at("impact_started_at"),
    detectedAt: at("detected_at"),
    declaredAt: at("declared_at").notNull(),
    acknowledgedAt: at("acknowledged_at"),
    mitigatedAt: at("mitigated_at"),
    resolvedAt: at("resolved_at"),
    closedAt: at("closed_at"),
    version: integer("version").notNull().default(1),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("incidents_number_key").on(t.number),
    index("incidents_declared_idx").on(t.declaredAt.desc(), t.id),
    index("incidents_open_idx").on(t.severity).where(sql`${t.status} in ('open', 'mitigated')`),
    index("incidents_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
    index("incidents_problem_idx").on(t.problemId),
    index("incidents_commander_idx").on(t.commanderId),
    check("incidents_severity", inList(t.severity, SEVERITIES)),
    check("incidents_status", inList(t.status, INCIDENT_STATUSES)),
    check("incidents_times_in_order", timesInOrder),
    check("incidents_not_own_duplicate", sql`${t.duplicateOfId} is null or ${t.duplicateOfId} <> ${t.id}`),
  ],
);

export const incidentServices = pgTable(
  "incident_services",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.serviceId] }),
    index("incident_services_service_idx").on(t.serviceId, t.incidentId),
  ],
);

export const INCIDENT_ROLES = ["commander", "responder", "shadow", "communications"] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

/** Who took which part, and when: onboarding counts shadowing and responding from these rows. */
export const incidentParticipants = pgTable(
  "incident_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<IncidentRole>().notNull(),
    joinedAt: at("joined_at").notNull(),
    leftAt: at("left_at"),
  },
  (t) => [
    index("incident_participants_incident_idx").on(t.incidentId),
    index("incident_participants_user_idx").on(t.userId, t.role),
    // One open seat per person and role: joining twice is a no-op, leaving closes it.
    uniqueIndex("incident_participants_open_key")
      .on(t.incidentId, t.userId, t.role)
      .where(sql`${t.leftAt} is null`),
    check("incident_participants_role", inList(t.role, INCIDENT_ROLES)),
    check("incident_participants_left_after_join", sql`${t.leftAt} is null or ${t.leftAt} >= ${t.joinedAt}`),
  ],
);

export const INCIDENT_EVENT_KINDS = [
  "declared",
  "status",
  "severity",
  "note",
  "participant",
  "link",
  "timestamp",
  "services",
  "update",
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

/**
 * The timeline. `occurredAt` is when it happened, `createdAt` when it was written down, so
 * a back-filled note sorts where it belongs and still shows that it came later.
 */
export const incidentEvents = pgTable(
  "incident_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text("kind").$type<IncidentEventKind>().notNull(),
    occurredAt: at("occurred_at").notNull(),
    body: text("body").notNull().default(""),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorLabel: text("author_label").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("incident_events_timeline_idx").on(t.incidentId, t.occurredAt, t.createdAt),
    check("incident_events_kind", inList(t.kind, INCIDENT_EVENT_KINDS)),
  ],
);

export const POSTMORTEM_STATUSES = ["draft", "in_review", "published"] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];
/** The Google SRE template's sections, in the order they are written and read. */
export const POSTMORTEM_SECTIONS = [
  "summary",
  "impact",
  "rootCauses",
  "trigger",
  "resolution",
  "detection",
  "wentWell",
  "wentWrong",
  "lucky",
] as const;
export type PostmortemSection = (typeof POSTMORTEM_SECTIONS)[number];
export type PostmortemLink = { label: string; url: string };

export const postmortems = pgTable(
  "postmortems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    status: text("status").$type<PostmortemStatus>().notNull().default("draft"),
    summary: text("summary").notNull().default(""),
    impact: text("impact").notNull().default(""),
    rootCauses: text("root_causes").notNull().default(""),
    trigger: text("trigger").notNull().default(""),
    resolution: text("resolution").notNull().default(""),
    detection: text("detection").notNull().default(""),
    wentWell: text("went_well").notNull().default(""),
    wentWrong: text("went_wrong").notNull().default(""),
    lucky: text("lucky").notNull().default(""),
    links: jsonb("links").$type<PostmortemLink[]>().notNull().default([]),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    dueOn: date("due_on"),
    publishedAt: at("published_at"),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("postmortems_incident_key").on(t.incidentId),
    index("postmortems_due_idx").on(t.dueOn).where(sql`${t.status} <> 'published'`),
    check("postmortems_status", inList(t.status, POSTMORTEM_STATUSES)),
  ],
);

export const postmortemReviewers = pgTable(
  "postmortem_reviewers",
  {
    postmortemId: uuid("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    approvedAt: at("approved_at"),
    comment: text("comment").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.postmortemId, t.userId] }),
    index("postmortem_reviewers_user_idx").on(t.userId),
  ],
);

export const PROBLEM_STATES = ["new", "investigating", "known_error", "resolved", "risk_accepted"] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];

export const problems = pgTable(
  "problems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").generatedAlwaysAsIdentity().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    state: text("state").$type<ProblemState>().notNull().default("new"),
    rootCause: text("root_cause").notNull().default(""),
    workaround: text("workaround").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "set null" }),
    knownErrorAt: at("known_error_at"),
    resolvedAt: at("resolved_at"),
    version: integer("version").notNull().default(1),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("problems_number_key").on(t.number),
    index("problems_service_idx").on(t.serviceId),
    check("problems_state", inList(t.state, PROBLEM_STATES)),
  ],
);

export const ACTION_TYPES = ["mitigate", "prevent", "process"] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_PRIORITIES = ["p1", "p2", "p3"] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export const ACTION_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postmortemId: uuid("postmortem_id").references(() => postmortems.id, { onDelete: "cascade" }),
    problemId: uuid("problem_id").references(() => problems.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** The service the work is on: overdue items count against its scorecard and its team. */
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "set null" }),
    dueOn: date("due_on"),
    type: text("type").$type<ActionType>().notNull(),
    priority: text("priority").$type<ActionPriority>().notNull().default("p2"),
    status: text("status").$type<ActionStatus>().notNull().default("open"),
    wontDoReason: text("wont_do_reason"),
    ticketUrl: text("ticket_url"),
    doneAt: at("done_at"),
    version: integer("version").notNull().default(1),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("action_items_owner_idx").on(t.ownerId, t.status),
    index("action_items_postmortem_idx").on(t.postmortemId),
    index("action_items_problem_idx").on(t.problemId),
    index("action_items_open_due_idx").on(t.dueOn).where(sql`${t.status} in ('open', 'in_progress')`),
    check("action_items_one_parent", sql`(${t.postmortemId} is null) <> (${t.problemId} is null)`),
    check("action_items_type", inList(t.type, ACTION_TYPES)),
    check("action_items_priority", inList(t.priority, ACTION_PRIORITIES)),
    check("action_items_status", inList(t.status, ACTION_STATUSES)),
    check(
      "action_items_wont_do_reason",
      sql`${t.status} <> 'wont_do' or coalesce(${t.wontDoReason}, '') <> ''`,
    ),
  ],
);

export const SUGGESTION_KINDS = ["similar_titles", "same_cause"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const SUGGESTION_STATES = ["open", "accepted", "dismissed"] as const;

/**
 * A problem Pharos proposes from a service's recent incidents. `key` names the group (the
 * cause, or the earliest incident of a title cluster), so a dismissed suggestion is not
 * proposed again for the same group, while a new incident joining it updates its list.
 */
export const problemSuggestions = pgTable(
  "problem_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    kind: text("kind").$type<SuggestionKind>().notNull(),
    key: text("key").notNull(),
    title: text("title").notNull(),
    incidentIds: uuid("incident_ids").array().notNull(),
    state: text("state").$type<(typeof SUGGESTION_STATES)[number]>().notNull().default("open"),
    problemId: uuid("problem_id").references(() => problems.id, { onDelete: "set null" }),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: at("decided_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("problem_suggestions_group_key").on(t.serviceId, t.kind, t.key),
    check("problem_suggestions_kind", inList(t.kind, SUGGESTION_KINDS)),
    check("problem_suggestions_state", inList(t.state, SUGGESTION_STATES)),
  ],
);

export type Incident = typeof incidents.$inferSelect;
export type Postmortem = typeof postmortems.$inferSelect;
export type Problem = typeof problems.$inferSelect;
export type ActionItem = typeof actionItems.$inferSelect;
