import { sql } from "drizzle-orm";
import { getHandle, type Queryable } from "@/db/client";
import { jobs } from "@/db/schema";
import type { JobDefinition } from "./define";

/** The channel a PostgreSQL relay listens on; a NOTIFY sent in a transaction arrives on commit. */
export const JOBS_CHANNEL = "pharos_jobs";

export type EnqueueOptions = {
  /** Not before this time (or this many seconds from now). */
  startAfter?: Date | number;
  /** At most one job with this key is ever enqueued; a second enqueue returns null. */
  singletonKey?: string;
};

/**
 * Enqueues `job` as part of the caller's transaction: the job exists if, and only if, the
 * transaction commits. Use it inside a command (`ctx.tx`) for work the command decided —
 * a webhook to deliver — so a rolled-back write sends nothing. Returns the job's id (null when
 * `singletonKey` was taken).
 */
export async function enqueueInTransaction<T>(
  tx: Queryable,
  job: Pick<JobDefinition<T>, "name">,
  data: T,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const runAfter =
    typeof options.startAfter === "number"
      ? new Date(Date.now() + options.startAfter * 1000)
      : (options.startAfter ?? new Date());
  const [row] = await tx
    .insert(jobs)
    .values({ name: job.name, data: data ?? {}, runAfter, singletonKey: options.singletonKey ?? null })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (row && getHandle().kind === "postgres") await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
  return row?.id ?? null;
}

/** Enqueues `job` on its own, committed at once (outside any command's transaction). */
export function enqueue<T>(job: Pick<JobDefinition<T>, "name">, data: T, options?: EnqueueOptions) {
  return enqueueInTransaction(getHandle().db, job, data, options);
}
