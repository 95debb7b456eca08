import { getHandle, type Handle } from "@/db/client";
import { logger } from "@/lib/ops/logger";
import { startBossRunner } from "./boss-runner";
import type { AnyJob } from "./define";
import { startLocalRunner } from "./local-runner";

export type QueueOptions = {
  /** The database; the process-wide one by default. */
  handle?: Handle;
  /** The jobs this queue knows (relays, runs, schedules); all of JOBS by default. */
  jobs?: readonly AnyJob[];
  /** Start the jobs' schedules. The server does; tests only when they test schedules. */
  schedules?: boolean;
  /** Run jobs (true by default). */
  work?: boolean;
  /** Seconds between looks for work when nothing signalled any (tests shorten it). */
  pollSeconds?: number;
  /** pg-boss only: seconds between schedule checks (1–45). */
  cronCheckSeconds?: number;
};

export type JobQueue = { kind: "pg-boss" | "in-process"; stop: (timeoutMs?: number) => Promise<void> };

/** A queue on `handle`'s database: pg-boss on PostgreSQL, the in-process runner under PGlite. */
export async function createQueue(options: QueueOptions = {}): Promise<JobQueue> {
  const handle = options.handle ?? getHandle();
  const jobs = options.jobs ?? (await import("./registry")).JOBS;
  const common = { jobs, schedules: options.schedules ?? false, work: options.work ?? true };
  if (handle.kind === "postgres") {
    if (!handle.url) throw new Error("A PostgreSQL handle without a URL cannot start pg-boss");
    const runner = await startBossRunner({
      ...common,
      url: handle.url,
      pollSeconds: options.pollSeconds,
      cronCheckSeconds: options.cronCheckSeconds,
    });
    return { kind: "pg-boss", stop: runner.stop };
  }
  const runner = startLocalRunner({
    ...common,
    db: handle.db,
    pollMs: options.pollSeconds ? options.pollSeconds * 1000 : undefined,
  });
  return { kind: "in-process", stop: runner.stop };
}

const queueKey = Symbol.for("pharos.jobs.queue");
type GlobalWithQueue = typeof globalThis & { [queueKey]?: Promise<JobQueue> };

/** The server's queue, started once per process (instrumentation.ts), with schedules on. */
export function startServerQueue(): Promise<JobQueue> {
  const g = globalThis as GlobalWithQueue;
  g[queueKey] ??= createQueue({ schedules: true }).then((queue) => {
    logger.info({ queue: queue.kind }, "job queue started");
    const stop = () => void queue.stop().catch((err) => logger.error({ err }, "job queue stop failed"));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    return queue;
  });
  return g[queueKey];
}
