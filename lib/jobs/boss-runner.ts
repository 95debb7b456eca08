import PgBoss from "pg-boss";
import postgres from "postgres";
import { logger } from "@/lib/ops/logger";
import type { AnyJob } from "./define";
import { JOBS_CHANNEL } from "./enqueue";
import { runJob } from "./run";

export type BossOptions = {
  url: string;
  jobs: readonly AnyJob[];
  schedules: boolean;
  work: boolean;
  /** How often workers and the relay look for work when no notification came. */
  pollSeconds?: number;
  /** How often pg-boss checks its schedules (1–45 s); a tick still runs once cluster-wide. */
  cronCheckSeconds?: number;
};

const RELAY_BATCH = 100;

/**
 * The queue on PostgreSQL: pg-boss, in its own `pgboss` schema, with a relay in front of it.
 * Work is enqueued into the `jobs` outbox in the caller's transaction (see enqueue.ts); the
 * relay takes committed rows and, in one transaction of its own, deletes them and inserts
 * them into pg-boss under the same id — so a job is neither lost nor doubled however a node
 * dies. pg-boss then retries with back-off, keeps jobs across restarts, and runs each
 * schedule's tick on exactly one node.
 */
export async function startBossRunner(options: BossOptions) {
  const pollSeconds = Math.max(0.5, options.pollSeconds ?? 2);
  const boss = new PgBoss({
    connectionString: options.url,
    max: 4,
    application_name: "pharos-jobs",
    schedule: options.schedules,
    cronMonitorIntervalSeconds: options.cronCheckSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.min(5, options.cronCheckSeconds ?? 5),
  });
  boss.on("error", (err) => logger.error({ err }, "pg-boss error"));
  await boss.start();

  // Two nodes creating the same queues at once deadlock inside pg-boss: they take turns.
  const lockSql = postgres(options.url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const lock = await lockSql.reserve();
    await lock`select pg_advisory_lock(hashtext('pharos:pgboss-queues'))`;
    try {
      await ensureQueues(boss, options.jobs);
    } finally {
      await lock`select pg_advisory_unlock(hashtext('pharos:pgboss-queues'))`;
      lock.release();
    }
  } finally {
    await lockSql.end({ timeout: 5 });
  }

  if (options.schedules) {
    const scheduled = options.jobs.filter((j) => j.schedule);
    for (const job of scheduled)
      await boss.schedule(job.name, job.schedule!, (job.scheduleData ?? {}) as object, { tz: "UTC" });
    // A schedule whose job no longer has one (or no longer exists) stops too.
    for (const s of await boss.getSchedules())
      if (!scheduled.some((j) => j.name === s.name)) await boss.unschedule(s.name);
  }

  if (options.work) {
    for (const job of options.jobs) {
      await boss.work<object>(
        job.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: pollSeconds },
        async ([row]) => {
          await runJob(job, row.data as never, {
            id: row.id,
            name: row.name,
            attempt: row.retryCount + 1,
            retryLimit: row.retryLimit,
            isLastAttempt: row.retryCount >= row.retryLimit,
          });
        },
      );
    }
  }

  const relay = startRelay(
    boss,
    options.url,
    options.jobs.map((j) => j.name),
    pollSeconds,
  );
  return {
    boss,
    async stop(timeoutMs = 10_000) {
      await relay.stop();
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}

async function ensureQueues(boss: PgBoss, jobs: readonly AnyJob[]) {
  for (const job of jobs) {
    const queue = {
      name: job.name,
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelay,
      retryBackoff: job.retryBackoff,
      expireInSeconds: job.expireInSeconds,
    };
    if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, queue);
    else await boss.createQueue(job.name, queue);
  }
}

function startRelay(boss: PgBoss, url: string, names: string[], pollSeconds: number) {
  const sql = postgres(url, { max: 2, onnotice: () => {}, connect_timeout: 5 });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let moving: Promise<void> | null = null;
  let again = false;

  async function moveBatch(): Promise<number> {
    return sql.begin(async (tx) => {
      const rows = await tx<
        { id: string; name: string; data: unknown; run_after: Date; singleton_key: string | null }[]
      >`
        delete from jobs where id in (
          select id from jobs where state = 'pending' and name in ${tx(names)}
          order by created_at limit ${RELAY_BATCH} for update skip locked)
        returning id, name, data, run_after, singleton_key`;
      // pg-boss leaves options it was not given undefined; postgres.js wants null for those.
      const db = {
        executeSql: async (text: string, values: unknown[]) => ({
          rows: await tx.unsafe(text, values.map((v) => v ?? null) as never[]),
        }),
      };
      for (const row of rows) {
        const id = await boss.send(row.name, row.data as object, {
          id: row.id,
          startAfter: row.run_after,
          db,
        });
        // pg-boss inserts nothing for a queue it does not know: keep the row rather than lose it.
        if (!id) throw new Error(`pg-boss refused job ${row.id} (${row.name})`);
      }
      return rows.length;
    });
  }

  function kick() {
    if (stopped) return;
    if (moving) {
      again = true;
      return;
    }
    clearTimeout(timer);
    moving = (async () => {
      try {
        while ((await moveBatch()) === RELAY_BATCH && !stopped);
      } catch (err) {
        logger.error({ err }, "job relay failed");
      }
    })().finally(() => {
      moving = null;
      if (again) {
        again = false;
        kick();
      } else if (!stopped) {
        timer = setTimeout(kick, pollSeconds * 1000);
        timer.unref?.();
      }
    });
  }

  if (names.length) {
    sql.listen(JOBS_CHANNEL, kick).catch((err) => logger.error({ err }, "job relay could not listen"));
    kick();
  }
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await moving;
      await sql.end({ timeout: 5 });
    },
  };
}
