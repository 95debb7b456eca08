import { Counter, Gauge, Histogram, type Metric, Registry } from "prom-client";

const registryKey = Symbol.for("pharos.metrics.registry");
type GlobalWithRegistry = typeof globalThis & { [registryKey]?: Registry };

/**
 * The process-wide registry. scripts/server.mjs creates it (with the HTTP metrics it
 * observes around every request) before Next loads; under `next dev` or tests it is made here.
 */
export function metricsRegistry(): Registry {
  const g = globalThis as GlobalWithRegistry;
  g[registryKey] ??= new Registry();
  return g[registryKey];
}

function singleton<M extends Metric>(name: string, make: (registers: Registry[]) => M): M {
  const registry = metricsRegistry();
  return (registry.getSingleMetric(name) as M | undefined) ?? make([registry]);
}

const commands = () =>
  singleton(
    "pharos_commands_total",
    (registers) =>
      new Counter({
        name: "pharos_commands_total",
        help: "Writes through the command layer, by command and outcome",
        labelNames: ["command", "outcome"],
        registers,
      }),
  );

export function countCommand(command: string, outcome: string) {
  commands().inc({ command, outcome });
}

export const dbGauges = () => ({
  up: singleton(
    "pharos_db_up",
    (registers) =>
      new Gauge({ name: "pharos_db_up", help: "1 if the last database check succeeded", registers }),
  ),
  pingSeconds: singleton(
    "pharos_db_ping_seconds",
    (registers) =>
      new Gauge({ name: "pharos_db_ping_seconds", help: "Round trip of the last database check", registers }),
  ),
  poolMax: singleton(
    "pharos_db_pool_max_connections",
    (registers) =>
      new Gauge({
        name: "pharos_db_pool_max_connections",
        help: "Configured size of the database connection pool (1 for embedded PGlite)",
        labelNames: ["driver"],
        registers,
      }),
  ),
  poolInUse: singleton(
    "pharos_db_pool_in_use",
    (registers) =>
      new Gauge({
        name: "pharos_db_pool_in_use",
        help: "Transactions currently holding a pool connection",
        registers,
      }),
  ),
});

/**
 * When a background job last finished, and how long it took: alert on a job that has not
 * run for longer than its interval.
 */
export const jobGauges = () => ({
  lastSuccess: singleton(
    "pharos_job_last_success_timestamp_seconds",
    (registers) =>
      new Gauge({
        name: "pharos_job_last_success_timestamp_seconds",
        help: "Unix time at which a background job last finished without error",
        labelNames: ["job"],
        registers,
      }),
  ),
  duration: singleton(
    "pharos_job_duration_seconds",
    (registers) =>
      new Gauge({
        name: "pharos_job_duration_seconds",
        help: "How long a background job's last successful run took",
        labelNames: ["job"],
        registers,
      }),
  ),
});

/**
 * Every run of a queued job, by job and outcome: `completed`, `retrying` (failed, a retry is
 * due) or `failed` (failed for good). Alert on `failed`, and on `retrying` growing faster than
 * `completed`.
 */
export const jobRunMetrics = () => ({
  runs: singleton(
    "pharos_job_runs_total",
    (registers) =>
      new Counter({
        name: "pharos_job_runs_total",
        help: "Runs of queued background jobs, by job and outcome (completed, retrying, failed)",
        labelNames: ["job", "outcome"],
        registers,
      }),
  ),
  seconds: singleton(
    "pharos_job_run_duration_seconds",
    (registers) =>
      new Histogram({
        name: "pharos_job_run_duration_seconds",
        help: "How long runs of queued background jobs took, by job and outcome",
        labelNames: ["job", "outcome"],
        buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
        registers,
      }),
  ),
});
