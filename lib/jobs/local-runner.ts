import parser from "cron-parser";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { logger } from "@/lib/ops/logger";
import { retryDelaySeconds } from "./backoff";
import type { AnyJob } from "./define";
import { enqueueInTransaction } from "./enqueue";
import { errorText, runJob } from "./run";

export type RunnerOptions = {
  db: Db;
  jobs: readonly AnyJob[];
  /** Start the definitions' schedules (off in tests unless asked). */
  schedules: boolean;
  /** Run jobs at all; a queue may only relay or only schedule. */
  work: boolean;
  pollMs?: number;
  concurrency?: number;
};

const KEEP_FINISHED_MS = 7 * 24 * 3600_000;

/** The next tick of `cron` (UTC) after `after`. */
export function nextTick(cron: string, after: Date): Date {
  return parser.parseExpression(cron, { tz: "UTC", currentDate: after }).next().toDate();
}

/**
 * The queue under PGlite: the `jobs` table is the queue, polled in-process. A claim is one
 * UPDATE … FOR UPDATE SKIP LOCKED, so two runners on one database never take the same row,
 * and a scheduled tick is enqueued under a per-tick singleton key, so it runs once however
 * many runners see it. A run still marked active after its job's `expireInSeconds` (the
 * process died mid-run) is run again.
 */
export function startLocalRunner(options: RunnerOptions) {
  const { db, pollMs = 1000, concurrency = 4 } = options;
  const byName = new Map(options.jobs.map((j) => [j.name, j]));
  const names = [...byName.keys()];
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  let lastPrune = 0;
  let pollTimer: NodeJS.Timeout | undefined;
  let polling = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    t.unref?.();
    timers.add(t);
  };

  async function claim(limit: number) {
    const now = new Date();
    const expired = options.jobs.map((j) =>
      and(
        eq(jobs.name, j.name),
        eq(jobs.state, "active"),
        lt(jobs.startedAt, new Date(now.getTime() - j.expireInSeconds * 1000)),
      ),
    );
    const due = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.name, names),
          or(and(inArray(jobs.state, ["pending", "retry"]), lte(jobs.runAfter, now)), ...expired),
        ),
      )
      .orderBy(asc(jobs.runAfter))
      .limit(limit)
      .for("update", { skipLocked: true });
    return db
      .update(jobs)
      .set({ state: "active", attempts: sql`${jobs.attempts} + 1`, startedAt: now })
      .where(inArray(jobs.id, due))
      .returning();
  }

  async function execute(row: typeof jobs.$inferSelect) {
    const job = byName.get(row.name)!;
    const retryCount = row.attempts - 1;
    const isLastAttempt = retryCount >= job.retryLimit;
    try {
      await runJob(job, row.data as never, {
        id: row.id,
        name: row.name,
        attempt: row.attempts,
        retryLimit: job.retryLimit,
        isLastAttempt,
      });
      await db
        .update(jobs)
        .set({ state: "completed", finishedAt: new Date(), lastError: null })
        .where(eq(jobs.id, row.id));
    } catch (error) {
      const wait = retryDelaySeconds(retryCount, job);
      await db
        .update(jobs)
        .set(
          isLastAttempt
            ? { state: "failed", finishedAt: new Date(), lastError: errorText(error) }
            : { state: "retry", runAfter: new Date(Date.now() + wait * 1000), lastError: errorText(error) },
        )
        .where(eq(jobs.id, row.id));
    }
  }

  /** Polls now (a tick was enqueued, a run finished) instead of at the next interval. */
  function kick() {
    if (stopped || polling) return;
    clearTimeout(pollTimer);
    void poll();
  }

  async function poll() {
    if (stopped) return;
    polling = true;
    try {
      const free = concurrency - running.size;
      if (free > 0 && options.work && names.length) {
        for (const row of await claim(free)) {
          const run = execute(row)
            .catch((err) => logger.error({ err, job: row.name }, "could not record a job's outcome"))
            .finally(() => {
              running.delete(run);
              kick();
            });
          running.add(run);
        }
      }
      if (Date.now() - lastPrune > 3600_000) {
        lastPrune = Date.now();
        await db
          .delete(jobs)
          .where(
            and(
              inArray(jobs.state, ["completed", "failed"]),
              lt(jobs.finishedAt, new Date(Date.now() - KEEP_FINISHED_MS)),
            ),
          );
      }
    } catch (err) {
      logger.error({ err }, "job poll failed");
    } finally {
      polling = false;
    }
    if (stopped) return;
    pollTimer = setTimeout(() => void poll(), pollMs);
    pollTimer.unref?.();
  }

  function schedule(job: AnyJob, cron: string) {
    const tick = nextTick(cron, new Date());
    later(Math.max(0, tick.getTime() - Date.now()), async () => {
      try {
        await enqueueInTransaction(db, job, (job.scheduleData ?? {}) as never, {
          singletonKey: `cron:${job.name}:${tick.toISOString()}`,
        });
      } catch (err) {
        logger.error({ err, job: job.name }, "could not enqueue a scheduled tick");
      }
      schedule(job, cron);
      kick();
    });
  }

  if (options.schedules) for (const job of options.jobs) if (job.schedule) schedule(job, job.schedule);
  void poll();

  return {
    /** Stops polling and timers, then waits for the runs in flight (up to `timeoutMs`). */
    async stop(timeoutMs = 10_000) {
      stopped = true;
      clearTimeout(pollTimer);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref?.()),
      ]);
    },
  };
}
