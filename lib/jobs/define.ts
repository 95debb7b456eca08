/** What a handler is told about the run it is in. */
export type JobContext = {
  id: string;
  name: string;
  /** 1 for the first run, 2 for the first retry… */
  attempt: number;
  retryLimit: number;
  /** No retry follows if this run fails: record the failure as final. */
  isLastAttempt: boolean;
};

export type JobDefinition<T = unknown> = {
  /** Letters, digits, dots, hyphens: `domain.verb-noun`, e.g. `slo.evaluate-alerts`. */
  name: string;
  /** Throws to fail the run (it is retried while retries remain); the return value is ignored. */
  handler: (data: T, job: JobContext) => Promise<unknown>;
  /** Retries after the first run fails; 0 runs it once. */
  retryLimit: number;
  /** Seconds before the first retry; with `retryBackoff` each later one waits about twice as long. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A run still going after this long is presumed dead (its node died) and run again. */
  expireInSeconds: number;
  /** A cron expression in UTC (minute precision on PostgreSQL): one run per tick, cluster-wide. */
  schedule?: string;
  /** The data a scheduled tick runs with. */
  scheduleData?: T;
};

const NAME = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * Declares a background job. Add it to JOBS in lib/jobs/registry.ts so queues know it, then
 * call `enqueue`/`enqueueInTransaction` with it (or give it a `schedule`).
 */
export function defineJob<T = Record<string, never>>(
  spec: Pick<JobDefinition<T>, "name" | "handler"> & Partial<Omit<JobDefinition<T>, "name" | "handler">>,
): JobDefinition<T> {
  if (!NAME.test(spec.name)) throw new Error(`Job name "${spec.name}" must look like domain.verb-noun`);
  return { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60, ...spec };
}

/** Any job, whatever its data: what queues and the registry hold. */
export type AnyJob = Omit<JobDefinition, "handler" | "scheduleData"> & {
  handler: (data: never, job: JobContext) => Promise<unknown>;
  scheduleData?: unknown;
};
