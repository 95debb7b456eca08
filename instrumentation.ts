/**
 * Runs once when a server process starts: apply migrations before the first request so
 * a fresh clone or a new release needs no separate step, then start the job queue.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getHandle } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const { logger } = await import("@/lib/ops/logger");
  const { registerApi } = await import("@/lib/api/node");
  registerApi();
  try {
    await runMigrations(getHandle());
    logger.info({ driver: getHandle().kind }, "database migrated");
    // Background jobs (scorecards, catalog locations, webhook deliveries): pg-boss on
    // PostgreSQL, in-process under PGlite; see docs/jobs.md.
    const { startServerQueue } = await import("@/lib/jobs/queue");
    startServerQueue().catch((err) => logger.error({ err }, "the job queue did not start"));
  } catch (error) {
    // With PostgreSQL away at start, keep serving: /api/health reports 503 until it returns,
    // and the next start migrates. PGlite failing to open is fatal and surfaces here too.
    logger.error({ err: error }, "migrations failed at start-up");
  }
}
