import { logger } from "@/lib/ops/logger";
import { jobGauges, jobRunMetrics } from "@/lib/ops/metrics";
import type { JobContext, JobDefinition } from "./define";

/**
 * One run of a job, as both queues make it: timed, counted by outcome, logged. A failure is
 * rethrown so the queue retries it (or records it as failed for good).
 */
export async function runJob<T>(
  job: Pick<JobDefinition<T>, "name" | "handler">,
  data: T,
  context: JobContext,
): Promise<void> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    await job.handler(data, context);
    jobRunMetrics().runs.inc({ job: job.name, outcome: "completed" });
    jobRunMetrics().seconds.observe({ job: job.name, outcome: "completed" }, seconds());
    jobGauges().lastSuccess.set({ job: job.name }, Date.now() / 1000);
    jobGauges().duration.set({ job: job.name }, seconds());
  } catch (error) {
    const outcome = context.isLastAttempt ? "failed" : "retrying";
    jobRunMetrics().runs.inc({ job: job.name, outcome });
    jobRunMetrics().seconds.observe({ job: job.name, outcome }, seconds());
    logger.warn(
      { err: error, job: job.name, id: context.id, attempt: context.attempt, outcome },
      "job failed",
    );
    throw error;
  }
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}
