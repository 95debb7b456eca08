/**
 * Runs once when a server process starts: apply migrations before the first request so
 * a fresh clone or a new release needs no separate step.
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
    const { startScorecardJob } = await import("@/lib/catalog/scorecard-job");
    startScorecardJob();
    const { startLocationJob } = await import("@/lib/catalog/locations/location-job");
    startLocationJob();
  } catch (error) {
    // With PostgreSQL away at start, keep serving: /api/health reports 503 until it returns,
    // and the next start migrates. PGlite failing to open is fatal and surfaces here too.
    logger.error({ err: error }, "migrations failed at start-up");
  }
}
