import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const JOB_STATES = ["pending", "active", "retry", "completed", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * Work to do later, written in the transaction that decided it (see lib/jobs). On PostgreSQL
 * this is an outbox: a relay moves each committed row into pg-boss, atomically, and deletes
 * it. Under PGlite it is the queue itself: the in-process runner claims, retries and finishes
 * rows here, so they survive a restart too.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    data: jsonb("data").$type<unknown>().notNull(),
    state: text("state").$type<JobState>().notNull().default("pending"),
    /** Runs started so far; the next failure retries while `attempts <= retryLimit`. */
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    /** One row per key: a scheduled tick's key makes two nodes' timers enqueue it once. */
    singletonKey: text("singleton_key"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_due_idx").on(t.state, t.runAfter),
    uniqueIndex("jobs_singleton_idx").on(t.singletonKey).where(sql`${t.singletonKey} is not null`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
